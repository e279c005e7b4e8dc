import { describe, expect, test } from 'vitest';
import { quickActionsView } from '@/lib/actions/quick-actions-view';
import { QuickActionsService } from '@/lib/background/quick-actions-service';
import { readQuickActionInputs } from '@/lib/db/quick-actions-store';
import { deleteEverything, deletePeople, replaceApps } from '@/lib/db/records-store';
import { openWorkstationDb } from '@/lib/db/schema';
import { app, NOW } from './fixtures';

const apps = [app('Mail', 1), app('Salesforce', 2), app('Confluence', 3), app('Workday', 4), app('Slack', 5)];
const [mail, crm, wiki, hr, chat] = apps as [ReturnType<typeof app>, ...Array<ReturnType<typeof app>>];

let dbCount = 0;

/** A fresh database with the apps synced, and a service over it as the worker builds one. */
async function setUp(policyPins: string[] = []) {
  const name = `quick-actions-${++dbCount}`;
  const db = await openWorkstationDb(name);
  await replaceApps(db, apps, undefined);
  const service = (pins = policyPins) =>
    new QuickActionsService({
      db: () => openWorkstationDb(name),
      now: () => NOW,
      policyPins: async () => pins,
      signedIn: async () => true,
    });
  return { db, name, service };
}

const labels = (tiles: Array<{ label: string }>) => tiles.map((tile) => tile.label);

describe('pin and hide persistence', () => {
  test('a hidden app stays hidden for a new worker (the choice is stored, not kept in memory)', async () => {
    const { service } = await setUp();
    await service().change({ op: 'hide', appId: crm!.id });
    const view = await service().view();
    expect(labels(view.tiles)).not.toContain('Salesforce');
    expect(view.hiddenCount).toBe(1);
    const restored = await service().change({ op: 'unhideAll' });
    expect(labels(restored.tiles)).toContain('Salesforce');
  });

  test('pins and moves persist in order', async () => {
    const { service } = await setUp();
    await service().change({ op: 'pin', appId: chat!.id });
    await service().change({ op: 'move', appId: hr!.id, to: 0 });
    const view = await service().view();
    expect(labels(view.tiles)).toEqual(['Workday', 'Slack', 'Mail', 'Salesforce', 'Confluence']);
    expect(view.tiles.slice(0, 2).map((tile) => tile.pin)).toEqual(['user', 'user']);
    const unpinned = await service().change({ op: 'unpin', appId: chat!.id });
    expect(labels(unpinned.tiles)).toEqual(['Workday', 'Mail', 'Salesforce', 'Confluence', 'Slack']);
  });

  test('an app pinned by policy cannot be hidden, unpinned or moved, and nothing moves before it', async () => {
    const { service } = await setUp(['Confluence']);
    await service().change({ op: 'hide', appId: wiki!.id });
    await service().change({ op: 'unpin', appId: wiki!.id });
    await service().change({ op: 'move', appId: wiki!.id, to: 3 });
    await service().change({ op: 'move', appId: chat!.id, to: 0 });
    const view = await service().view();
    expect(labels(view.tiles)).toEqual(['Confluence', 'Slack', 'Mail', 'Salesforce', 'Workday']);
    expect(view.tiles[0]?.pin).toBe('policy');
    expect(view.hiddenCount).toBe(0);
  });

  test('the page reads the same arrangement from IndexedDB as the worker answers, policy pins included', async () => {
    const { db, service } = await setUp(['Workday']);
    await service().change({ op: 'hide', appId: mail!.id });
    const fromWorker = await service().view();
    const fromPage = quickActionsView(await readQuickActionInputs(db), NOW);
    expect(fromPage).toEqual(fromWorker);
  });

  test('choices survive a lost session (people deleted) but not a sign-out', async () => {
    const { db, service } = await setUp();
    await service().change({ op: 'hide', appId: mail!.id });
    await deletePeople(db);
    expect((await readQuickActionInputs(db)).prefs.hidden).toEqual([mail!.id]);
    await deleteEverything(db);
    expect((await readQuickActionInputs(db)).prefs).toEqual({ pinned: [], hidden: [] });
  });

  test('a signed-out browser gets no quick actions', async () => {
    const { name } = await setUp();
    const signedOut = new QuickActionsService({
      db: () => openWorkstationDb(name),
      now: () => NOW,
      policyPins: async () => [],
      signedIn: async () => false,
    });
    expect((await signedOut.view()).tiles).toEqual([]);
    expect((await signedOut.change({ op: 'hide', appId: mail!.id })).tiles).toEqual([]);
  });
});
