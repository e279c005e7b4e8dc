import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DevOrg } from '@/dev/org/index';
import { omniboxInputChanged, omniboxInputEntered } from '@/lib/background/omnibox';
import type { Disposition } from '@/lib/platform/ports';
import {
  appLink,
  isAppLinks,
  isHttp,
  json,
  makeHarness,
  startOrg,
  xmlProblems,
  type Harness,
} from './harness';

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

const BAD_SCHEMES = [
  'javascript:alert(document.cookie)',
  'JAVASCRIPT:alert(1)',
  ' javascript:alert(1)',
  '\tjava\nscript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'file:///etc/passwd',
  'chrome://settings/passwords',
  'chrome-extension://abcdefghijklmnopabcdefghijklmnop/options.html',
  'view-source:https://evil.example/',
  'blob:https://evil.example/0b1f',
  'about:blank',
  '//evil.example/phish',
  '/home/relative/0oaREL',
  'vbscript:msgbox(1)',
];

function evilAppLinks(org: string): unknown[] {
  return [
    appLink({
      appInstanceId: '0oaAMP',
      label: 'Evil Tom & Jerry <b>HR</b> "quoted" \'single\' ]]> <![CDATA[x]]> &amp;',
      linkUrl: `${org}/home/bookmark/0oaAMP/1`,
      sortOrder: 0,
    }),
    appLink({
      appInstanceId: '0oaCTRL',
      label: 'Evil Ctrl\u0000\u0001\u0007\u000b\u001fPortal',
      linkUrl: `${org}/home/ctrl/0oaCTRL/1`,
    }),
    appLink({
      appInstanceId: '0oaRTL',
      label: 'Evil Payroll \u202Egnp.exe\u202C',
      linkUrl: `${org}/home/rtl/0oaRTL/1`,
    }),
    appLink({
      appInstanceId: '0oaHUGE',
      label: `Evil Huge ${'x'.repeat(10_000)}`,
      linkUrl: `${org}/home/huge/0oaHUGE/1`,
    }),
    appLink({
      appInstanceId: '0oaMARK',
      label: 'Evil </match><url>https://evil.example</url><match>',
      linkUrl: `${org}/home/mark/0oaMARK/1`,
    }),
    ...BAD_SCHEMES.map((linkUrl, i) =>
      appLink({ appInstanceId: `0oaBAD${i}`, label: `Evil Scheme ${i}`, linkUrl }),
    ),
    // Broken entries: each must be skipped without dropping the good ones.
    null,
    'not an object',
    42,
    [],
    appLink({ appInstanceId: '0oaNOLABEL', linkUrl: `${org}/home/x/0oaNOLABEL/1` }),
    appLink({ appInstanceId: '0oaNUMLABEL', label: 42, linkUrl: `${org}/home/x/0oaNUMLABEL/1` }),
    appLink({ label: 'Evil No Instance', linkUrl: `${org}/home/x/none/1` }),
    appLink({ appInstanceId: '0oaNOURL', label: 'Evil No Url' }),
    appLink({ appInstanceId: '0oaOBJURL', label: 'Evil Object Url', linkUrl: { href: 'https://x.example' } }),
    appLink({
      appInstanceId: '0oaLOGO',
      label: 'Evil Logo',
      linkUrl: `${org}/home/logo/0oaLOGO/1`,
      logoUrl: 'javascript:alert(1)',
    }),
    appLink({
      appInstanceId: '0oaHIDDEN',
      label: 'Evil Hidden',
      linkUrl: `${org}/home/h/0oaHIDDEN/1`,
      hidden: true,
    }),
    // Duplicates of one link: one result, not three.
    appLink({ appInstanceId: '0oaDUP', label: 'Evil Duplicate', linkUrl: `${org}/home/dup/0oaDUP/1` }),
    appLink({ appInstanceId: '0oaDUP', label: 'Evil Duplicate', linkUrl: `${org}/home/dup/0oaDUP/1` }),
    appLink({ appInstanceId: '0oaDUP', label: 'Evil Duplicate', linkUrl: `${org}/home/dup/0oaDUP/1` }),
  ];
}

async function syncEvilApps(): Promise<void> {
  await h.signInAndSync();
  h.routes.push((url) => (isAppLinks(url) ? json(evilAppLinks(devOrg.url)) : undefined));
  await h.workstation.startSync();
  expect((await h.workstation.viewState()).sync.error).toBeUndefined();
}

const open = (url: string, where: Disposition) => h.platform.tabs.open(url, where);

describe('hostile app labels and links from appLinks', () => {
  it('keeps every omnibox description well-formed XML, whatever the labels hold', async () => {
    await syncEvilApps();
    const queries = [
      'evil',
      'tom',
      'jerry',
      'ctrl',
      'payroll',
      'huge',
      'scheme',
      'match',
      'url',
      '<b>',
      '&',
      '"',
      "'",
      ']]>',
      'x'.repeat(300),
    ];
    for (const query of queries) {
      const suggestions = await omniboxInputChanged(
        h.workstation,
        query,
        h.platform.omnibox.setDefaultSuggestion,
      );
      expect(xmlProblems(h.platform.defaultSuggestion), `default for ${JSON.stringify(query)}`).toEqual([]);
      for (const suggestion of suggestions) {
        expect(xmlProblems(suggestion.description), `row for ${JSON.stringify(query)}`).toEqual([]);
        expect(suggestion.content.length).toBeGreaterThan(0);
      }
    }
  });

  it('never stores, lists or opens a link that is not http or https', async () => {
    await syncEvilApps();
    const results = await h.workstation.handlers.search({ query: 'evil', limit: 200 }, {});
    const apps = results.filter((result) => result.kind === 'app');
    expect(apps.length).toBeGreaterThan(0);
    for (const app of apps) {
      expect(isHttp(app.linkUrl), app.linkUrl).toBe(true);
      if (app.logoUrl) expect(isHttp(app.logoUrl), app.logoUrl).toBe(true);
    }
    const quick = (await h.workstation.handlers.quickActionsView(undefined, {})).tiles;
    for (const app of quick) expect(isHttp(app.linkUrl), app.linkUrl).toBe(true);

    for (const query of ['evil', 'scheme', 'evil scheme 0', 'evil scheme 11']) {
      const suggestions = await omniboxInputChanged(
        h.workstation,
        query,
        h.platform.omnibox.setDefaultSuggestion,
      );
      for (const suggestion of suggestions) {
        await omniboxInputEntered(h.workstation, suggestion.content, 'currentTab', open);
      }
      await omniboxInputEntered(h.workstation, query, 'currentTab', open);
    }
    expect(h.platform.opened.length).toBeGreaterThan(0);
    for (const { url } of h.platform.opened) expect(isHttp(url) || url.startsWith('mailto:'), url).toBe(true);
  });

  it('opens nothing when the omnibox is handed a non-web URL, even one that matched a dropped app', async () => {
    await syncEvilApps();
    for (const content of BAD_SCHEMES) {
      await omniboxInputEntered(h.workstation, content, 'currentTab', open);
    }
    expect(h.platform.opened.filter(({ url }) => !isHttp(url))).toEqual([]);
  });

  it('refuses an openApp request for an app id built from a javascript: link', async () => {
    await syncEvilApps();
    const forged = `0oaBAD0 ${BAD_SCHEMES[0]}`;
    await expect(h.workstation.handlers.openApp({ appId: forged }, {})).rejects.toThrow();
    expect(h.platform.opened).toEqual([]);
  });

  it('skips broken entries but keeps the good ones, and shows one row per duplicated link', async () => {
    await syncEvilApps();
    const state = await h.workstation.viewState();
    // 5 hostile-but-valid labels + Logo + Duplicate (once).
    expect(state.sync.apps).toBe(7);
    const duplicates = await h.workstation.handlers.search({ query: 'evil duplicate', limit: 50 }, {});
    expect(duplicates.filter((row) => row.kind === 'app' && row.label === 'Evil Duplicate')).toHaveLength(1);
    const hidden = await h.workstation.handlers.search({ query: 'evil hidden', limit: 50 }, {});
    expect(hidden.some((row) => row.kind === 'app' && row.label === 'Evil Hidden')).toBe(false);
  });

  it('keeps the last good apps when appLinks is not a list (object, null, string, wrapped list)', async () => {
    await h.signInAndSync();
    const before = (await h.workstation.viewState()).sync.apps;
    expect(before).toBeGreaterThan(0);
    for (const body of [{}, null, 'apps', { apps: [] }, 42, true]) {
      h.clearRoutes();
      h.routes.push((url) => (isAppLinks(url) ? json(body) : undefined));
      await h.workstation.startSync();
      const state = await h.workstation.viewState();
      expect(state.sync.error?.code, JSON.stringify(body)).toBe('OKTA_BAD_RESPONSE');
      expect(state.sync.apps).toBe(before);
      expect((await h.storedCounts()).apps).toBe(before);
      expect((await h.workstation.handlers.search({ query: 'salesforce' }, {}))[0]).toMatchObject({
        kind: 'app',
      });
    }
  });

  it('syncs 2 000 app links and still answers the omnibox with a handful of rows', async () => {
    await h.signInAndSync();
    const many = Array.from({ length: 2_000 }, (_, i) =>
      appLink({
        appInstanceId: `0oaMANY${i}`,
        label: `Many App ${i}`,
        linkUrl: `${devOrg.url}/home/many/0oaMANY${i}/1`,
        sortOrder: i,
      }),
    );
    h.routes.push((url) => (isAppLinks(url) ? json(many) : undefined));
    await h.workstation.startSync();
    expect((await h.workstation.viewState()).sync).toMatchObject({ apps: 2_000 });
    const suggestions = await omniboxInputChanged(
      h.workstation,
      'many app 1999',
      h.platform.omnibox.setDefaultSuggestion,
    );
    expect(suggestions.length).toBeGreaterThan(0);
    expect(suggestions.length).toBeLessThanOrEqual(8);
    expect(h.platform.defaultSuggestion.replace(/<[^>]+>/g, '')).toContain('Many App 1999');
  }, 60_000);
});
