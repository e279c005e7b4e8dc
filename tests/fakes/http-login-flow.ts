import type { WebAuthFlow } from '@/lib/platform/ports';

/** How the fake person behaves on the dev org's login page. */
export interface LoginBehaviour {
  username: string;
  password: string;
  /** Close the window instead of signing in, as a person who changes their mind. */
  cancel?: boolean;
}

/**
 * `launchWebAuthFlow` over plain HTTP: follows the dev org's redirects with a cookie jar, fills in
 * its login form like a person, and resolves with the final redirect to the extension — or rejects
 * with Chrome's own sentences when the page cannot load or the person closes it.
 */
export function httpLoginFlow(
  redirectUri: string,
  behaviour: () => LoginBehaviour,
): WebAuthFlow & { launches: string[] } {
  const launches: string[] = [];
  return {
    launches,
    redirectUri: () => redirectUri,
    async launch(url) {
      launches.push(url);
      const person = behaviour();
      const cookies = new Map<string, string>();
      const request = async (target: string, init: RequestInit = {}) => {
        let response: Response;
        try {
          response = await fetch(target, {
            ...init,
            redirect: 'manual',
            headers: {
              ...(init.headers as Record<string, string>),
              cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; '),
            },
          });
        } catch {
          throw new Error('Authorization page could not be loaded.');
        }
        for (const line of response.headers.getSetCookie()) {
          const [pair] = line.split(';');
          const [name, ...value] = (pair ?? '').split('=');
          if (name) cookies.set(name.trim(), value.join('='));
        }
        return response;
      };
      let target = url;
      for (let hop = 0; hop < 20; hop++) {
        if (target.startsWith(redirectUri)) return target;
        const response = await request(target);
        const location = response.headers.get('location');
        if (location) {
          target = new URL(location, target).href;
          continue;
        }
        const html = await response.text();
        const action = /<form[^>]*action="([^"]*)"/.exec(html)?.[1];
        if (!response.ok || !action) throw new Error('The user did not approve access.');
        const isLogin = /name="username"/.test(html);
        if (person.cancel && isLogin) throw new Error('The user did not approve access.');
        // Hidden fields go along, as the page's own script submits them (the dev org's logout page).
        const fields = new URLSearchParams();
        for (const [, name, value] of html.matchAll(
          /<input[^>]*type="hidden"[^>]*name="([^"]*)"[^>]*value="([^"]*)"/g,
        )) {
          fields.set(name ?? '', (value ?? '').replace(/&amp;/g, '&'));
        }
        if (isLogin) {
          fields.set('username', person.username);
          fields.set('password', person.password);
        }
        const posted = await request(new URL(action.replace(/&amp;/g, '&'), target).href, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: fields.toString(),
        });
        const next = posted.headers.get('location');
        if (!next) throw new Error('The user did not approve access.');
        target = new URL(next, target).href;
      }
      throw new Error('Too many redirects.');
    },
  };
}
