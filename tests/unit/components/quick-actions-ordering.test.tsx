// @vitest-environment happy-dom
import { describe, expect, test, vi } from 'vitest';
import { arrangeQuickActions, quickActionsView } from '@/lib/actions/quick-actions-view';
import { NO_PREFS } from '@/lib/actions/quick-action-prefs';
import { QuickActions } from '@/components/QuickActions';
import { app, launch, NOW } from './fixtures';
import { mount, press } from './render';

const mail = app('Mail', 1);
const crm = app('Salesforce', 2);
const wiki = app('Confluence', 3);
const hr = app('Workday', 4);
const chat = app('Slack', 5);
const apps = [mail, crm, wiki, hr, chat];

const labels = (tiles: Array<{ label: string }>) => tiles.map((tile) => tile.label);

describe('quick actions ordering', () => {
  test('with no launches and no pins, tiles follow the Okta dashboard order', () => {
    const tiles = arrangeQuickActions({ apps, launches: [], prefs: NO_PREFS, policyPins: [] }, NOW);
    expect(labels(tiles)).toEqual(['Mail', 'Salesforce', 'Confluence', 'Workday', 'Slack']);
  });

  test('frequent and recent launches come first; old launches fade', () => {
    const launches = [launch(chat, 3, 0), launch(hr, 10, 120), launch(wiki, 2, 1)];
    const tiles = arrangeQuickActions({ apps, launches, prefs: NO_PREFS, policyPins: [] }, NOW);
    // Ten launches four months ago weigh less than two yesterday, but more than none.
    expect(labels(tiles).slice(0, 4)).toEqual(['Slack', 'Confluence', 'Workday', 'Mail']);
  });

  test('policy pins come first in policy order, by app instance id or by label after normalisation', () => {
    const launches = [launch(chat, 50, 0)];
    const tiles = arrangeQuickActions(
      { apps, launches, prefs: NO_PREFS, policyPins: ['  WORKDAY ', wiki.appInstanceId] },
      NOW,
    );
    expect(labels(tiles).slice(0, 3)).toEqual(['Workday', 'Confluence', 'Slack']);
    expect(tiles[0]?.pin).toBe('policy');
    expect(tiles[1]?.pin).toBe('policy');
    expect(tiles[2]?.pin).toBeUndefined();
  });

  test("the person's pins follow the policy pins, in the person's order, before the most used", () => {
    const tiles = arrangeQuickActions(
      {
        apps,
        launches: [launch(mail, 40, 0)],
        prefs: { pinned: [chat.id, crm.id], hidden: [] },
        policyPins: ['Workday'],
      },
      NOW,
    );
    expect(labels(tiles)).toEqual(['Workday', 'Slack', 'Salesforce', 'Mail', 'Confluence']);
    expect(tiles.map((tile) => tile.pin)).toEqual(['policy', 'user', 'user', undefined, undefined]);
  });

  test('hidden apps are left out, except one an admin pinned', () => {
    const view = quickActionsView(
      { apps, launches: [], prefs: { pinned: [], hidden: [crm.id, hr.id] }, policyPins: ['Workday'] },
      NOW,
    );
    expect(labels(view.tiles)).toEqual(['Workday', 'Mail', 'Confluence', 'Slack']);
    expect(view.hiddenCount).toBe(2);
  });

  test('the recently used row lists launched apps newest first, without hidden ones', () => {
    const view = quickActionsView(
      {
        apps,
        launches: [launch(mail, 9, 5), launch(chat, 1, 0), launch(wiki, 4, 2)],
        prefs: { pinned: [], hidden: [wiki.id] },
        policyPins: [],
      },
      NOW,
    );
    expect(labels(view.recent)).toEqual(['Slack', 'Mail']);
  });

  test('the widget shows tiles in that order; policy pins carry a lock and no menu, the others a menu', () => {
    const view = quickActionsView(
      { apps, launches: [], prefs: { pinned: [chat.id], hidden: [] }, policyPins: ['Workday'] },
      NOW,
    );
    const root = mount(<QuickActions view={view} onOpen={() => undefined} onChange={() => undefined} />);
    const region = root.querySelector('section[aria-labelledby="quick-actions-title"]')!;
    expect(region.querySelector('h2')?.textContent).toBe('Quick actions');
    const tiles = [...region.querySelectorAll('.tiles > li')];
    expect(tiles.map((tile) => tile.querySelector('.tile-label')?.textContent)).toEqual([
      'Workday',
      'Slack',
      'Mail',
      'Salesforce',
      'Confluence',
    ]);
    expect(tiles[0]?.textContent).toContain('Pinned by your organization');
    expect(tiles[0]?.querySelector('[aria-haspopup="menu"]')).toBeNull();
    expect(tiles[1]?.querySelector('[aria-haspopup="menu"]')?.getAttribute('aria-label')).toBe(
      'Options for Slack',
    );
    expect(tiles[1]?.textContent).toContain('Pinned');
  });

  test('Alt+→ and Alt+← on a tile ask to move it one place, never before a policy pin', () => {
    const view = quickActionsView({ apps, launches: [], prefs: NO_PREFS, policyPins: ['Mail'] }, NOW);
    const onChange = vi.fn();
    const root = mount(<QuickActions view={view} onOpen={() => undefined} onChange={onChange} />);
    const links = [...root.querySelectorAll<HTMLAnchorElement>('.tile-link')];
    press(links[1]!, 'ArrowRight', { altKey: true });
    expect(onChange).toHaveBeenLastCalledWith({ op: 'move', appId: crm.id, to: 2 });
    press(links[1]!, 'ArrowLeft', { altKey: true });
    press(links[0]!, 'ArrowRight', { altKey: true });
    expect(onChange).toHaveBeenCalledTimes(1);
    press(links[2]!, 'ArrowLeft', { altKey: true });
    expect(onChange).toHaveBeenLastCalledWith({ op: 'move', appId: wiki.id, to: 1 });
  });

  test('a click opens the app here; Ctrl+click asks for a new tab', () => {
    const view = quickActionsView({ apps, launches: [], prefs: NO_PREFS, policyPins: [] }, NOW);
    const onOpen = vi.fn();
    const root = mount(<QuickActions view={view} onOpen={onOpen} onChange={() => undefined} />);
    const link = root.querySelector<HTMLAnchorElement>('.tile-link')!;
    link.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
    link.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, ctrlKey: true }));
    expect(onOpen.mock.calls.map(([tile, newTab]) => [(tile as { label: string }).label, newTab])).toEqual([
      ['Mail', false],
      ['Mail', true],
    ]);
  });
});
