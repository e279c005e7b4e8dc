import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import type { Person } from '../../lib/records';
import { projectPerson, type PersonField } from './project-person';

/** What a batch of changes did. */
export interface ApplyResult {
  /** People added, changed or removed; 0 leaves the version (and so the snapshot's ETag) as it was. */
  changed: number;
  version: number;
}

/** Changes since a version, or `gone` when the store no longer knows every removal since then. */
export type ChangesSince =
  { gone: false; version: number; upserts: string[]; removed: string[] } | { gone: true };

/** The projection of the org's people in SQLite, versioned so clients can ask for changes. */
export interface PeopleStore {
  /** Random id of this database; a cursor from another database (or one reset) is refused. */
  readonly databaseId: string;
  version(): number;
  count(): number;
  getMeta(key: MetaKey): string | undefined;
  setMeta(key: MetaKey, value: string): void;
  /** Upserts and removes people in one transaction, under one new version if anything changed. */
  apply(upserts: readonly Person[], removed: readonly string[], nowMs: number): ApplyResult;
  /** Like {@link apply}, and also removes everyone not in `upserts` (a full pass). */
  replaceAll(upserts: readonly Person[], removed: readonly string[], nowMs: number): ApplyResult;
  /** Every person as stored JSON text, sorted by id, with the version they make up. */
  snapshot(): { version: number; people: string[] };
  changesSince(version: number): ChangesSince;
  /** Forgets removals made at or before `beforeMs`; cursors from before them are then answered 410. */
  pruneRemovals(beforeMs: number): void;
  close(): void;
}

/** Keys of the store's small key–value table. */
export type MetaKey = 'watermark' | 'lastFullSyncAt' | 'lastSuccessAt';

const SCHEMA_VERSION = 1;

/**
 * Opens (or creates) the store. People are projected to `fields` before they are written, so fields
 * the admin does not allow never reach the disk; when the fields change, the store starts over.
 */
export function openPeopleStore(path: string, fields: readonly PersonField[]): PeopleStore {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  const userVersion = db.pragma('user_version', { simple: true }) as number;
  if (userVersion !== SCHEMA_VERSION) {
    // The projection is a cache of Okta: an unknown schema is rebuilt from Okta, never migrated.
    db.exec('DROP TABLE IF EXISTS people; DROP TABLE IF EXISTS meta;');
    db.exec(`
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE people (
        id TEXT PRIMARY KEY,
        person TEXT,            -- JSON of the projected person; NULL once removed (a tombstone)
        version INTEGER NOT NULL,
        removed_at INTEGER
      );
      CREATE INDEX people_version ON people (version);
    `);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }
  const getMeta = db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?');
  const setMeta = db.prepare(
    'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  const meta = (key: string) => getMeta.get(key)?.value;

  const fieldList = fields.join(',');
  if (meta('fields') !== fieldList || meta('databaseId') === undefined) {
    db.transaction(() => {
      db.exec('DELETE FROM people; DELETE FROM meta;');
      setMeta.run('fields', fieldList);
      setMeta.run('databaseId', randomBytes(6).toString('base64url'));
      setMeta.run('version', '0');
      setMeta.run('floor', '0');
    })();
  }
  const databaseId = meta('databaseId')!;
  const allowed = new Set(fields);

  const readPerson = db.prepare<[string], { person: string | null }>(
    'SELECT person FROM people WHERE id = ?',
  );
  const writePerson = db.prepare(
    'INSERT INTO people (id, person, version, removed_at) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET person = excluded.person, version = excluded.version, removed_at = excluded.removed_at',
  );
  const liveIds = db.prepare<[], { id: string }>('SELECT id FROM people WHERE person IS NOT NULL');
  const countLive = db.prepare<[], { n: number }>(
    'SELECT count(*) AS n FROM people WHERE person IS NOT NULL',
  );
  const allLive = db.prepare<[], { person: string }>(
    'SELECT person FROM people WHERE person IS NOT NULL ORDER BY id',
  );
  const since = db.prepare<[number], { id: string; person: string | null }>(
    'SELECT id, person FROM people WHERE version > ? ORDER BY version, id',
  );
  const oldTombstones = db.prepare<[number], { top: number | null }>(
    'SELECT max(version) AS top FROM people WHERE person IS NULL AND removed_at <= ?',
  );
  const deleteTombstones = db.prepare('DELETE FROM people WHERE person IS NULL AND removed_at <= ?');

  const version = () => Number(meta('version'));

  const write = (
    upserts: readonly Person[],
    removed: readonly string[],
    nowMs: number,
    removeOthers: boolean,
  ): ApplyResult => {
    const next = version() + 1;
    let changed = 0;
    const kept = new Set<string>();
    for (const person of upserts) {
      const text = JSON.stringify(projectPerson(person, allowed));
      kept.add(person.id);
      if (readPerson.get(person.id)?.person === text) continue;
      writePerson.run(person.id, text, next, null);
      changed++;
    }
    const remove = (id: string) => {
      const row = readPerson.get(id);
      if (!row || row.person === null) return;
      writePerson.run(id, null, next, nowMs);
      changed++;
    };
    for (const id of removed) if (!kept.has(id)) remove(id);
    if (removeOthers) for (const { id } of liveIds.all()) if (!kept.has(id)) remove(id);
    if (changed > 0) setMeta.run('version', String(next));
    return { changed, version: changed > 0 ? next : next - 1 };
  };

  return {
    databaseId,
    version,
    count: () => countLive.get()?.n ?? 0,
    getMeta: (key) => meta(key),
    setMeta: (key, value) => void setMeta.run(key, value),
    apply: db.transaction((upserts: readonly Person[], removed: readonly string[], nowMs: number) =>
      write(upserts, removed, nowMs, false),
    ),
    replaceAll: db.transaction((upserts: readonly Person[], removed: readonly string[], nowMs: number) =>
      write(upserts, removed, nowMs, true),
    ),
    snapshot: db.transaction(() => ({ version: version(), people: allLive.all().map((row) => row.person) })),
    changesSince: db.transaction((from: number): ChangesSince => {
      const current = version();
      if (from < Number(meta('floor')) || from > current) return { gone: true };
      const upserts: string[] = [];
      const removed: string[] = [];
      for (const row of since.all(from)) {
        if (row.person === null) removed.push(row.id);
        else upserts.push(row.person);
      }
      return { gone: false, version: current, upserts, removed };
    }),
    pruneRemovals: db.transaction((beforeMs: number) => {
      const top = oldTombstones.get(beforeMs)?.top;
      if (top === null || top === undefined) return;
      deleteTombstones.run(beforeMs);
      // A cursor below the newest forgotten removal could miss it, so it must take the snapshot.
      if (top > Number(meta('floor'))) setMeta.run('floor', String(top));
    }),
    close: () => db.close(),
  };
}
