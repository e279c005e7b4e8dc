import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DevOrg } from '@/dev/org/index';
import { omniboxInputChanged, omniboxInputEntered } from '@/lib/background/omnibox';
import type { Disposition } from '@/lib/platform/ports';
import { isUsersList, json, makeHarness, oktaUser, startOrg, xmlProblems, type Harness } from './harness';

let devOrg: DevOrg;
let h: Harness;

beforeAll(async () => {
  devOrg = await startOrg();
});
afterAll(async () => {
  await devOrg?.close();
});
beforeEach(() => {
  h = makeHarness(devOrg);
});

const open = (url: string, where: Disposition) => h.platform.tabs.open(url, where);

/** Answers /api/v1/users with these users, `pageSize` a page, with Okta-style `link` headers. */
function serveUsers(users: readonly unknown[], pageSize = 200) {
  h.routes.push((url) => {
    if (!isUsersList(url)) return undefined;
    const after = Number(url.searchParams.get('after') ?? 0);
    const page = users.slice(after, after + pageSize);
    const links = [
      `<${devOrg.url}/api/v1/users?limit=${pageSize}${after ? `&after=${after}` : ''}>; rel="self"`,
    ];
    if (after + pageSize < users.length)
      links.push(`<${devOrg.url}/api/v1/users?limit=${pageSize}&after=${after + pageSize}>; rel="next"`);
    return json(page, { headers: { link: links.join(', ') } });
  });
}

const HOSTILE_PEOPLE = [
  oktaUser('00uHTML', {
    firstName: '<img src=x onerror=alert(1)>',
    lastName: 'Zed & "Co" </dim>',
    email: 'html.person@acme.example',
    title: '<script>alert(1)</script> & <b>Boss</b>',
    department: "R&D <'quotes'>",
  }),
  oktaUser('00uQUERY', {
    displayName: 'Query Zed',
    email: 'query.zed@acme.example?cc=eve@evil.example&body=hi',
  }),
  oktaUser('00uCRLF', { displayName: 'Crlf Zed', email: 'crlf.zed@acme.example\r\nBcc: eve@evil.example' }),
  oktaUser('00uPCT', {
    displayName: 'Percent Zed',
    email: 'percent.zed@acme.example%0ABcc:eve@evil.example',
  }),
  oktaUser('00uMAILTO', { displayName: 'Mailto Zed', email: 'mailto:eve@evil.example' }),
  oktaUser('00uHASH', { displayName: 'Hash Zed', email: 'hash.zed@acme.example#frag' }),
  oktaUser('00uNOMAIL', { displayName: 'Nomail Zed' }),
  oktaUser('00uNULLS', { displayName: 'Nulls Zed', email: null, title: null, firstName: 42 }),
  oktaUser('00uDEPRO', { displayName: 'Deprovisioned Zed', email: 'gone@acme.example' }, 'DEPROVISIONED'),
  { id: 42, profile: { displayName: 'Numeric Id Zed' } },
  { profile: { displayName: 'No Id Zed' } },
  null,
  'user',
  oktaUser('00uNONAME', { email: '' }),
];

async function syncHostilePeople(): Promise<void> {
  await h.signInAndSync();
  serveUsers(HOSTILE_PEOPLE, 3);
  await h.workstation.startSync();
  expect((await h.workstation.viewState()).sync.error).toBeUndefined();
}

/** Recipients a mail client would see in a mailto: URL (it decodes, then splits on commas). */
function recipientsOf(mailto: string): { to: string[]; headers: string[] } {
  const [path = '', query] = mailto.slice('mailto:'.length).split('?');
  return {
    to: decodeURIComponent(path).split(','),
    headers: query ? query.split('&').map((pair) => decodeURIComponent(pair.split('=')[0] ?? '')) : [],
  };
}

describe('hostile people from the users list', () => {
  it('keeps markup in names and titles as text, and omnibox rows well-formed', async () => {
    await syncHostilePeople();
    const [html] = await h.workstation.handlers
      .search({ query: 'zed', limit: 50 }, {})
      .then((rows) => rows.filter((row) => row.id === '00uHTML'));
    expect(html).toMatchObject({
      kind: 'person',
      displayName: '<img src=x onerror=alert(1)> Zed & "Co" </dim>',
    });
    for (const query of ['zed', 'img', 'script', 'boss', 'r&d', 'query', 'crlf']) {
      const suggestions = await omniboxInputChanged(
        h.workstation,
        query,
        h.platform.omnibox.setDefaultSuggestion,
      );
      expect(xmlProblems(h.platform.defaultSuggestion), query).toEqual([]);
      for (const suggestion of suggestions) expect(xmlProblems(suggestion.description), query).toEqual([]);
    }
  });

  it('drops users without an id or a name, and deprovisioned ones, without failing the sync', async () => {
    await syncHostilePeople();
    const rows = await h.workstation.handlers.search({ query: 'zed', limit: 50 }, {});
    const ids = rows.map((row) => row.id);
    expect(ids).not.toContain('00uDEPRO');
    expect(rows.some((row) => row.kind === 'person' && /Numeric Id|No Id/.test(row.displayName))).toBe(false);
    expect(ids).toEqual(expect.arrayContaining(['00uHTML', '00uNOMAIL', '00uNULLS']));
  });

  it('never lets an email address add headers or a body to the mailto: it opens (?, &, #, %0A, mailto:)', async () => {
    await syncHostilePeople();
    for (const id of ['00uQUERY', '00uPCT', '00uMAILTO', '00uHASH', '00uHTML']) {
      h.platform.opened.length = 0;
      await h.workstation.handlers.emailPerson({ personId: id }, {}).catch(() => undefined);
      for (const { url } of h.platform.opened) {
        expect(url.startsWith('mailto:'), url).toBe(true);
        expect(url, id).not.toMatch(/[\r\n?#&]/);
        expect(url.slice('mailto:'.length), id).not.toMatch(/^mailto:/i);
        const { to, headers } = recipientsOf(url);
        expect(to, id).toHaveLength(1);
        expect(headers, id).toEqual([]);
      }
    }
    // The same through the omnibox.
    const suggestions = await omniboxInputChanged(
      h.workstation,
      'zed',
      h.platform.omnibox.setDefaultSuggestion,
    );
    for (const suggestion of suggestions) {
      h.platform.opened.length = 0;
      await omniboxInputEntered(h.workstation, suggestion.content, 'currentTab', open);
      for (const { url } of h.platform.opened) {
        if (!url.startsWith('mailto:')) continue;
        expect(url).not.toMatch(/[\r\n?#&]/);
        expect(recipientsOf(url).headers).toEqual([]);
      }
    }
  });

  it('shows a person without an email, offers no email action for them, and opens nothing', async () => {
    await syncHostilePeople();
    const rows = await h.workstation.handlers.search({ query: 'nomail zed', limit: 5 }, {});
    expect(rows[0]).toMatchObject({ kind: 'person', id: '00uNOMAIL' });
    expect((rows[0] as { email?: string }).email).toBeUndefined();
    await expect(h.workstation.handlers.emailPerson({ personId: '00uNOMAIL' }, {})).rejects.toThrow();
    await omniboxInputEntered(h.workstation, 'nomail zed', 'currentTab', open);
    const suggestions = await omniboxInputChanged(
      h.workstation,
      'nomail zed',
      h.platform.omnibox.setDefaultSuggestion,
    );
    expect(suggestions.some((s) => s.content === '' || s.content === 'mailto:')).toBe(false);
    expect(h.platform.opened).toEqual([]);
  });

  it('syncs 10 000 people in 50 pages and finds the last one by email', async () => {
    await h.signInAndSync();
    const users = Array.from({ length: 10_000 }, (_, i) =>
      oktaUser(`00uMANY${i}`, {
        firstName: `First${i}`,
        lastName: `Last${i}`,
        email: `person${i}@bulk.example`,
        title: 'Engineer',
      }),
    );
    serveUsers(users);
    await h.workstation.startSync();
    const state = await h.workstation.viewState();
    expect(state.sync.error).toBeUndefined();
    // A delta sync merges with the people already stored; a full one replaces them.
    expect(state.sync.people).toBeGreaterThanOrEqual(10_000);
    // Speed is measured by the benchmarks (npm run bench), never asserted in a test.
    const [found] = await h.workstation.handlers.search({ query: 'person9999@bulk.example' }, {});
    expect(found).toMatchObject({ kind: 'person', id: '00uMANY9999' });
  }, 60_000);
});
