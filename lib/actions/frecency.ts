import type { Launch } from '../db/schema';

/** Launches lose half their weight every two weeks, so today's habits outrank last quarter's. */
const HALF_LIFE_MS = 14 * 24 * 60 * 60 * 1000;

/** A launch score: count with recency decay. Pure. */
export function frecencyScore(launch: Launch, now: number): number {
  const age = Math.max(0, now - launch.lastLaunchedAt);
  return launch.count * Math.pow(0.5, age / HALF_LIFE_MS);
}

/** App id → frecency score, for search ranking and quick actions. */
export function frecencyMap(launches: readonly Launch[], now: number): Map<string, number> {
  return new Map(launches.map((launch) => [launch.appId, frecencyScore(launch, now)]));
}
