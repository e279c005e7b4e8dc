import { describe, expect, it } from 'vitest';
import {
  buildSearchIndex,
  buildSearchIndexInSlices,
  serializeSearchIndex,
} from '../../../lib/search/search-index';
import { seedRecords } from './seed-records';

describe('building the index a slice at a time', () => {
  const { apps, people } = seedRecords(4000);

  it('builds exactly the index a build at once does', async () => {
    const sliced = await buildSearchIndexInSlices(apps, people, 64);
    expect(serializeSearchIndex(sliced)).toEqual(serializeSearchIndex(buildSearchIndex(apps, people, 64)));
  });

  it('lets other work run while it builds, as searches do in the worker during a sync', async () => {
    let ticks = 0;
    let done = false;
    const tick = (): void => {
      ticks++;
      if (!done) setTimeout(tick, 0);
    };
    setTimeout(tick, 0);
    const built = buildSearchIndexInSlices(apps, people);
    // A build at once would run to the end before the first tick.
    expect(ticks).toBe(0);
    await built;
    done = true;
    expect(ticks).toBeGreaterThan(0);
  });
});
