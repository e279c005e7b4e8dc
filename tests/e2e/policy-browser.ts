/**
 * Managed policy delivered the real way in E2E: Chromium on Linux reads
 * /etc/chromium/policies/managed/*.json. Each test gets its own folder, bind-mounted over /etc/chromium
 * in a private mount namespace by a wrapper script, so the machine's /etc is never touched
 * (../shared/reference/e2e-recipe.md, "Managed policy in tests").
 */
import { execFileSync } from 'node:child_process';
import { chmod, copyFile, mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findChromium } from '../../dev/chromium';
import type { ExtensionBrowser } from './harness';
import { launchExtension, PINNED_EXTENSION_ID } from './harness';

/** A per-test /etc/chromium with a policy file the test can rewrite while the browser runs. */
export interface PolicyFolder {
  root: string;
  /** Writes the extension's policy (atomically, as a deployment tool would). */
  write(policy: Record<string, unknown>): Promise<void>;
  /** Launches the E2E build under this folder's policy. */
  launch(profileDir?: string): Promise<ExtensionBrowser>;
  remove(): Promise<void>;
}

const unshare = () =>
  process.getuid?.() === 0
    ? 'unshare --mount --propagation private'
    : 'unshare --map-root-user --mount --propagation private';

/** Why policy cannot be delivered here (no unshare, no mount namespace), or undefined when it can. */
export function policyDeliveryUnavailable(): string | undefined {
  if (process.platform !== 'linux') return 'managed policy files are a Linux Chromium feature';
  if (!existsSync('/etc/chromium')) return '/etc/chromium does not exist to mount over';
  try {
    execFileSync('sh', ['-c', `${unshare()} sh -c 'mount --bind /tmp /etc/chromium'`], { stdio: 'ignore' });
    return undefined;
  } catch {
    return 'unshare cannot make a private mount namespace here';
  }
}

/** Makes a policy folder holding `policy` for the pinned E2E extension id. */
export async function policyFolder(policy: Record<string, unknown>): Promise<PolicyFolder> {
  const root = await mkdtemp(join(tmpdir(), 'workstation-policy-'));
  const managed = join(root, 'policies', 'managed');
  await mkdir(managed, { recursive: true });
  if (existsSync('/etc/chromium/master_preferences')) {
    await copyFile('/etc/chromium/master_preferences', join(root, 'master_preferences'));
  }
  const wrapper = join(root, 'chromium-with-policy.sh');
  await writeFile(
    wrapper,
    [
      '#!/bin/sh',
      `exec ${unshare()} sh -c 'mount --bind "$POLICY_ROOT" /etc/chromium && exec "$CHROMIUM" "$@"' sh "$@"`,
      '',
    ].join('\n'),
  );
  await chmod(wrapper, 0o755);
  const folder: PolicyFolder = {
    root,
    async write(next) {
      const file = join(managed, 'workstation.json');
      const body = JSON.stringify({ '3rdparty': { extensions: { [PINNED_EXTENSION_ID]: next } } });
      await writeFile(`${file}.tmp`, body);
      await rename(`${file}.tmp`, file);
    },
    launch: (profileDir) =>
      launchExtension(profileDir, {
        executablePath: wrapper,
        env: { POLICY_ROOT: root, CHROMIUM: findChromium() },
      }),
    remove: () => rm(root, { recursive: true, force: true }),
  };
  await folder.write(policy);
  return folder;
}
