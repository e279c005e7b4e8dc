// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { QuickActions } from '@/components/QuickActions';
import { TileMenu } from '@/components/TileMenu';
import { useQuickActions } from '@/components/hooks/use-quick-actions';
import { useSearch } from '@/components/hooks/use-search';
import type { QuickActionChange } from '@/lib/actions/quick-action-prefs';
import { NO_PREFS } from '@/lib/actions/quick-action-prefs';
import { isQuickActionsView, quickActionsView } from '@/lib/actions/quick-actions-view';
import type { QuickActionsView } from '@/lib/actions/quick-actions-view';
import { QuickActionsService } from '@/lib/background/quick-actions-service';
import { replaceApps } from '@/lib/db/records-store';
import { openWorkstationDb } from '@/lib/db/schema';
import { app, NOW } from './fixtures';
import { mount, press } from './render';

const apps = [app('Mail', 1), app('Salesforce', 2), app('Confluence', 3), app('Workday', 4), app('Slack', 5)];
const labels = (tiles: Array<{ label: string }>) => tiles.map((tile) => tile.label);

let dbCount = 0;

/** The worker's quick-actions service over a fresh database with the apps synced. */
async function realService() {
  const name = `quick-actions-changes-${++dbCount}`;
  await replaceApps(await openWorkstationDb(name), apps, undefined);
  return new QuickActionsService({
    db: () => openWorkstationDb(name),
    now: () => NOW,
    policyPins: async () => [],
    signedIn: async () => true,
  });
}

/**
 * The worker on the other end of the page's messages: the real service, each answer held back by
 * `delay(name)` milliseconds (a waking worker, a slow disk), so answers can cross.
 */
function serveQuickActions(service: QuickActionsService, delay: (name: string, nth: number) => number) {
  let nth = 0;
  fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
    const { name, payload } = message as { name: string; payload: unknown };
    const answer =
      name === 'changeQuickActions' ? service.change(payload as QuickActionChange) : service.view();
    const wait = delay(name, nth++);
    return answer.then((value) => new Promise((done) => setTimeout(() => done({ ok: true, value }), wait)));
  });
}

function Page({ initial }: { initial: QuickActionsView }) {
  const quick = useQuickActions(initial, true, 0);
  return <QuickActions view={quick.view} onOpen={() => undefined} onChange={quick.change} />;
}

const tileLabels = (root: HTMLElement) =>
  [...root.querySelectorAll('.tiles .tile-label')].map((label) => label.textContent);

/** Lets the fake worker's answers (timers) and the renders they cause run. */
async function settle(ms = 200) {
  await act(async () => {
    await new Promise((done) => setTimeout(done, ms));
  });
}

describe('quick-action changes made quickly', () => {
  afterEach(() => fakeBrowser.reset());

  test('two changes sent at once are both kept', async () => {
    const service = await realService();
    const [mail, crm, wiki] = apps;
    await Promise.all([
      service.change({ op: 'hide', appId: crm!.id }),
      service.change({ op: 'hide', appId: wiki!.id }),
      service.change({ op: 'pin', appId: apps[4]!.id }),
      service.change({ op: 'hide', appId: mail!.id }),
    ]);
    const view = await service.view();
    expect(view.hiddenCount).toBe(3);
    expect(labels(view.tiles)).toEqual(['Slack', 'Workday']);
  });

  test('three quick Alt+→ presses move a tile three places, and answers arriving out of order do not undo it', async () => {
    const service = await realService();
    // The first answers come last.
    serveQuickActions(service, (_name, nth) => Math.max(0, 120 - nth * 40));
    const root = mount(<Page initial={await service.view()} />);
    await settle();
    const mailLink = () =>
      [...root.querySelectorAll<HTMLAnchorElement>('.tile-link')].find((link) =>
        link.textContent?.includes('Mail'),
      )!;
    mailLink().focus();
    for (let i = 0; i < 3; i++) press(document.activeElement!, 'ArrowRight', { altKey: true });
    // Shown at once, before any answer…
    expect(tileLabels(root)).toEqual(['Salesforce', 'Confluence', 'Workday', 'Mail', 'Slack']);
    expect(document.activeElement).toBe(mailLink());
    await settle();
    // …and still so once every answer is in, as stored.
    expect(tileLabels(root)).toEqual(['Salesforce', 'Confluence', 'Workday', 'Mail', 'Slack']);
    expect(labels((await service.view()).tiles)).toEqual([
      'Salesforce',
      'Confluence',
      'Workday',
      'Mail',
      'Slack',
    ]);
    expect(document.activeElement).toBe(mailLink());
  });

  test('hiding a tile from its menu puts focus on the tile that takes its place, never on the page', async () => {
    const service = await realService();
    serveQuickActions(service, () => 30);
    const root = mount(<Page initial={await service.view()} />);
    await settle();
    const menuButton = root.querySelector<HTMLButtonElement>('[aria-label="Options for Salesforce"]')!;
    menuButton.focus();
    act(() => menuButton.click());
    const hide = [...root.querySelectorAll<HTMLButtonElement>('[role="menuitem"]')].find(
      (item) => item.textContent === 'Hide from quick actions',
    )!;
    act(() => hide.click());
    expect(tileLabels(root)).not.toContain('Salesforce');
    expect(document.activeElement?.textContent).toContain('Confluence');
    await settle();
    expect(document.activeElement?.textContent).toContain('Confluence');
    // "Show hidden apps" brings it back and focuses the first tile.
    const showHidden = [...root.querySelectorAll<HTMLButtonElement>('button')].find((button) =>
      button.textContent?.startsWith('Show hidden'),
    )!;
    showHidden.focus();
    act(() => showHidden.click());
    await settle();
    expect(tileLabels(root)).toContain('Salesforce');
    expect(document.activeElement?.classList.contains('tile-link')).toBe(true);
  });
});

describe('hostile app links on the new tab', () => {
  test('an app whose link is not a web URL gets no tile, and a tile never carries such an href', () => {
    const hostile = [
      { ...app('Evil', 6), linkUrl: 'javascript:alert(1)' },
      { ...app('Data', 7), linkUrl: 'data:text/html,<script>alert(1)</script>' },
      { ...app('Creds', 8), linkUrl: 'https://acme.okta.com@evil.example/' },
    ];
    const view = quickActionsView(
      { apps: [...apps, ...hostile], launches: [], prefs: NO_PREFS, policyPins: [] },
      NOW,
    );
    expect(labels(view.tiles)).toEqual(['Mail', 'Salesforce', 'Confluence', 'Workday', 'Slack']);
    // A view from anywhere else (a message, a future bug) still cannot put one in the page.
    const forged: QuickActionsView = {
      ...view,
      tiles: [{ id: 'x', label: 'Evil', linkUrl: 'javascript:alert(1)' }],
    };
    const root = mount(<QuickActions view={forged} onOpen={() => undefined} onChange={() => undefined} />);
    expect(root.querySelector('.tile-link')?.getAttribute('href')).toBeNull();
  });

  test('a malformed stored view is not painted', () => {
    const good = quickActionsView({ apps, launches: [], prefs: NO_PREFS, policyPins: [] }, NOW);
    expect(isQuickActionsView(good)).toBe(true);
    for (const bad of [
      undefined,
      'yes',
      {},
      { ...good, tiles: {} },
      { ...good, tiles: [null] },
      { ...good, recent: 'x' },
    ])
      expect(isQuickActionsView(bad)).toBe(false);
    expect(isQuickActionsView({ ...good, tiles: [{ ...good.tiles[0], label: 7 }] })).toBe(false);
  });
});

describe('search before the worker is ready', () => {
  test('a query typed before the worker answers is not reported as matching nothing', () => {
    let seen: { settledQuery: string } | undefined;
    function Probe({ enabled }: { enabled: boolean }) {
      seen = useSearch('sla', enabled);
      return null;
    }
    mount(<Probe enabled={false} />);
    expect(seen?.settledQuery).toBe('');
  });

  test("a tile's menu renders hostile labels as text", () => {
    const root = mount(
      <TileMenu
        appLabel={'<img src=x onerror=alert(1)>'}
        open
        items={[{ label: 'Pin', onSelect: vi.fn() }]}
        onOpenChange={() => undefined}
      />,
    );
    expect(root.querySelector('img')).toBeNull();
  });
});
