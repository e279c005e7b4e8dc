// Cold start in a real browser: `npm run bench:cold [-- sizes…]` (default 10000 50000 200000 people).
// The saved index and records of a seeded org are stored in IndexedDB of headless Chromium; then a
// fresh page runs the extension's own catalog — read the saved index, open it, answer, complete the
// person results — as a stopped worker does on its first keystroke. Figures only.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { findChromium } from '../dev/chromium';
import { buildSearchIndex, serializeSearchIndex } from '../lib/search/search-index';
import { seedRecords } from '../tests/unit/search/seed-records';

const RUNS = 5;

interface ColdBench {
  store(saved: unknown, apps: unknown[]): Promise<void>;
  storePeople(people: unknown[]): Promise<void>;
  firstResult(query: string): Promise<{ ms: number; top: string; allReadMs: number }>;
  readEverything(): Promise<number>;
  breakdown(query: string): Promise<Record<string, number>>;
}

function median(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  return `${(sorted[sorted.length >> 1] as number).toFixed(0)} ms`;
}

const bundle = await build({
  entryPoints: ['bench/cold-page.ts'],
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: 'chrome120',
  write: false,
  logLevel: 'warning',
});
const script = bundle.outputFiles[0]?.text ?? '';
const server = createServer((request, response) => {
  if (request.url === '/cold.js') {
    response.setHeader('content-type', 'text/javascript');
    response.end(script);
    return;
  }
  response.setHeader('content-type', 'text/html');
  response.end('<!doctype html><meta charset="utf-8"><title>cold</title><script src="/cold.js"></script>');
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
const browser = await chromium.launch({ executablePath: findChromium(), headless: true });
try {
  const sizes = process.argv
    .slice(2)
    .map(Number)
    .filter((n) => n > 0);
  for (const size of sizes.length > 0 ? sizes : [10_000, 50_000, 200_000]) {
    const { apps, people } = seedRecords(Math.round(size / 0.955));
    const saved = serializeSearchIndex(buildSearchIndex(apps, people));
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(url);
    await page.evaluate(
      ([s, a]) => (globalThis as unknown as { coldBench: ColdBench }).coldBench.store(s, a),
      [saved, apps] as const,
    );
    for (let i = 0; i < people.length; i += 20_000)
      await page.evaluate(
        (batch) => (globalThis as unknown as { coldBench: ColdBench }).coldBench.storePeople(batch),
        people.slice(i, i + 20_000),
      );
    const query = people[people.length >> 1]?.lastName ?? 'smith';
    const first: number[] = [];
    const allRead: number[] = [];
    const before: number[] = [];
    const steps: Array<Record<string, number>> = [];
    let top = '';
    for (let run = 0; run < RUNS; run++) {
      // A new document each time: nothing of the previous run is left in memory.
      await page.reload();
      const result = await page.evaluate(
        (q) => (globalThis as unknown as { coldBench: ColdBench }).coldBench.firstResult(q),
        query,
      );
      first.push(result.ms);
      allRead.push(result.allReadMs);
      top = result.top;
      await page.reload();
      steps.push(
        await page.evaluate(
          (q) => (globalThis as unknown as { coldBench: ColdBench }).coldBench.breakdown(q),
          query,
        ),
      );
      await page.reload();
      before.push(
        await page.evaluate(() =>
          (globalThis as unknown as { coldBench: ColdBench }).coldBench.readEverything(),
        ),
      );
    }
    console.log(`\n== ${people.length.toLocaleString('en')} people, headless Chromium, median of ${RUNS} ==`);
    console.log(`  cold start → first result '${query}' (${top}):  ${median(first)}`);
    console.log(`  … every record read behind it after:                ${median(allRead)}`);
    console.log(`  reading every record first, as before (baseline):   ${median(before)}`);
    const names = Object.keys(steps[0] ?? {});
    console.log(
      `  of the first result: ${names.map((n) => `${n} ${median(steps.map((s) => s[n] ?? 0))}`).join(' · ')}`,
    );
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}
