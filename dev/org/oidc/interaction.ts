import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';
import { readBody, send } from '../http-io';
import type { OrgIndex } from '../org-index';
import { loginPage } from '../pages/login-page';

/** Okta's words when a sign-in fails; it does not say whether the user or the password was wrong. */
export const SIGN_IN_FAILED = 'Unable to sign in';

/**
 * Serves the login interaction: GET `/interaction/{uid}` shows the form, POST `/interaction/{uid}/login`
 * checks the password. Consent is never asked (the grant is created in loadExistingGrant), but an
 * interaction that still asks for it is granted here so that a flow never stalls.
 */
export async function handleInteraction(
  provider: Provider,
  index: OrgIndex,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
): Promise<void> {
  const details = await provider.interactionDetails(req, res);
  const action = `/interaction/${encodeURIComponent(details.uid)}/login`;
  const loginHint = typeof details.params['login_hint'] === 'string' ? details.params['login_hint'] : '';

  if (details.prompt.name === 'consent') {
    const grant = new provider.Grant({
      accountId: details.session?.accountId ?? '',
      clientId: String(details.params['client_id']),
    });
    grant.addOIDCScope(String(details.params['scope'] ?? 'openid'));
    const grantId = await grant.save();
    await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
    return;
  }

  if (req.method === 'POST' && path.endsWith('/login')) {
    const form = new URLSearchParams(await readBody(req));
    const username = (form.get('username') ?? '').trim();
    const user = index.userByLogin.get(username.toLowerCase());
    // Suspended and deactivated users cannot sign in; Okta answers them like a wrong password.
    if (user && user.status === 'ACTIVE' && form.get('password') === index.org.password) {
      await provider.interactionFinished(
        req,
        res,
        { login: { accountId: user.id, amr: ['pwd'] } },
        { mergeWithLastSubmission: false },
      );
      return;
    }
    send(
      res,
      401,
      'text/html; charset=utf-8',
      loginPage({ action, clientName: 'Workstation', username, error: SIGN_IN_FAILED }),
    );
    return;
  }
  send(
    res,
    200,
    'text/html; charset=utf-8',
    loginPage({ action, clientName: 'Workstation', username: loginHint }),
  );
}
