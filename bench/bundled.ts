// Runs a benchmark script as the extension ships its code: bundled into one module, so calls between
// lib/ files are plain function calls. Under tsx every import crosses a module-namespace getter, which
// made search measure about four times slower than the built extension runs it.
// Usage: node --import tsx bench/bundled.ts <script.ts> [args…]
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'esbuild';

const [script, ...args] = process.argv.slice(2);
if (script === undefined) {
  console.error('usage: bench/bundled.ts <script.ts> [args…]');
  process.exit(2);
}
// Inside the project, so packages left outside the bundle still resolve from node_modules.
const cache = join('node_modules', '.cache');
await mkdir(cache, { recursive: true });
const dir = await mkdtemp(join(cache, 'workstation-bench-'));
try {
  const outfile = join(dir, 'bench.mjs');
  await build({
    entryPoints: [script],
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outfile,
    // Packages with native parts are loaded as they are.
    external: ['better-sqlite3'],
    logLevel: 'warning',
  });
  const run = spawnSync(process.execPath, ['--expose-gc', outfile, ...args], {
    stdio: 'inherit',
    cwd: process.cwd(),
  });
  process.exitCode = run.status ?? 1;
} finally {
  await rm(dir, { recursive: true, force: true });
}
