import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gzip as gzipCallback } from 'node:zlib';
import type { PeopleStore } from '../store/people-store';
import { encodeCursor } from '../store/cursor';

const gzip = promisify(gzipCallback);

/** The `/v1/people` body of one version, plain and gzipped, with its strong ETags. */
export interface Snapshot {
  version: number;
  json: Buffer;
  gzipped: Buffer;
  /** Strong ETag of the plain body. */
  etag: string;
  /** Strong ETag of the gzipped body: each representation has its own (RFC 9110 §8.8.3). */
  gzipEtag: string;
}

/**
 * Builds the snapshot of the store's current version once and reuses it until the version moves; the
 * JSON is assembled from the stored text of each person, never parsed and serialized again.
 */
export function createSnapshotCache(store: PeopleStore): () => Promise<Snapshot> {
  let current: Promise<Snapshot> | undefined;
  let currentVersion = -1;
  return () => {
    const version = store.version();
    if (current && currentVersion === version) return current;
    currentVersion = version;
    current = build(store).catch((error: unknown) => {
      current = undefined;
      throw error;
    });
    return current;
  };
}

async function build(store: PeopleStore): Promise<Snapshot> {
  const { version, people } = store.snapshot();
  const cursor = JSON.stringify(encodeCursor(store.databaseId, version));
  const json = Buffer.from(`{"cursor":${cursor},"people":[${people.join(',')}]}`);
  const gzipped = await gzip(json);
  const hash = createHash('sha256').update(json).digest('base64url').slice(0, 27);
  return { version, json, gzipped, etag: `"${hash}"`, gzipEtag: `"${hash}-gzip"` };
}
