import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ChromiumNotFoundError, defaultLocations, findChromium } from '../../dev/chromium';
import type { ChromiumLocations } from '../../dev/chromium';

describe('findChromium', () => {
  let root: string;
  const none: ChromiumLocations = {
    chromiumPaths: [],
    chromiumNames: [],
    brandedPaths: [],
    brandedNames: [],
  };

  async function executable(...parts: string[]): Promise<string> {
    const path = join(root, ...parts);
    await mkdir(join(path, '..'), { recursive: true });
    await writeFile(path, '#!/bin/sh\n');
    await chmod(path, 0o755);
    return path;
  }

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'workstation-find-chromium-'));
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  test('uses CHROME_PATH when it names an executable', async () => {
    const custom = await executable('custom', 'my-chromium');
    expect(findChromium({ CHROME_PATH: custom }, none)).toBe(custom);
  });

  test('refuses a CHROME_PATH that is not an executable file, naming it', () => {
    const missing = join(root, 'nowhere', 'chromium');
    expect(() => findChromium({ CHROME_PATH: missing }, none)).toThrow(missing);
  });

  test('prefers the real binary over the wrapper on PATH', async () => {
    const real = await executable('usr', 'lib', 'chromium', 'chromium');
    const bin = join(root, 'bin');
    await executable('bin', 'chromium');
    const locations = { ...defaultLocations({}), chromiumPaths: [real] };
    expect(findChromium({ PATH: bin }, locations)).toBe(real);
  });

  test('finds chromium-browser on PATH', async () => {
    const found = await executable('path-only', 'chromium-browser');
    const locations = { ...none, chromiumNames: ['chromium', 'chromium-browser'] };
    expect(findChromium({ PATH: join(root, 'path-only') }, locations)).toBe(found);
  });

  test('explains that branded Chrome ignores --load-extension when only Chrome is installed', async () => {
    const chrome = await executable('opt', 'google', 'chrome', 'chrome');
    const locations = { ...none, brandedPaths: [chrome] };
    const attempt = () => findChromium({ PATH: '' }, locations);
    expect(attempt).toThrow(ChromiumNotFoundError);
    expect(attempt).toThrow(
      /ignores --load-extension since version 137.*apt-get install chromium.*CHROME_PATH/,
    );
  });

  test('says how to install Chromium when no browser is found', () => {
    expect(() => findChromium({ PATH: '' }, none)).toThrow(/Chromium was not found\. Install Chromium/);
  });
});
