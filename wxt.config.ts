import { readFileSync } from 'node:fs';
import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import type { WxtHooks } from 'wxt';

/** The dev org a development or test build points at; `npm start` and the E2E suite set it. */
const DEV_ORG_URL = process.env.DEV_ORG_URL ?? 'http://127.0.0.1:8417';
const DEV_CLIENT_ID = process.env.DEV_CLIENT_ID ?? '0oaworkstationdev';

/**
 * The Firefox add-on id: AMO and a self-distributed build share it, and the sign-in redirect URI
 * (`https://<sha1 of the id>.extensions.allizom.org/`) follows from it. A repackaged build may set its own.
 */
const GECKO_ID = process.env.WORKSTATION_GECKO_ID ?? '{6f1b3c0e-2a47-4d5e-9b8c-5e0f7a9d3c21}';

const identity = JSON.parse(
  readFileSync(new URL('./dev/extension-identity.json', import.meta.url), 'utf8'),
) as {
  key: string;
};

/** What `codeSplitting` hands a group's `name` function: the module graph, read-only. */
interface ChunkingContext {
  getModuleInfo(id: string): { importers: readonly string[] } | null;
}

/**
 * Names one chunk for every module the new tab's script imports (not the script itself, which must
 * not run in the popup or options page). Left to itself, the bundler splits the code the new tab
 * shares with the popup and options page into several chunks, and each is one more
 * extension-resource request on the new tab's critical path.
 */
function newTabChunk(newTabEntry: string) {
  const reaches = new Map<string, boolean>();
  const reachedFromNewTab = (id: string, ctx: ChunkingContext, seen: Set<string>): boolean => {
    const known = reaches.get(id);
    if (known !== undefined) return known;
    if (id === newTabEntry) return true;
    if (seen.has(id)) return false;
    seen.add(id);
    const found = (ctx.getModuleInfo(id)?.importers ?? []).some((importer) =>
      reachedFromNewTab(importer, ctx, seen),
    );
    reaches.set(id, found);
    return found;
  };
  return (id: string, ctx: ChunkingContext): string | null =>
    // WXT's `virtual:wxt-html-plugins`, which every page runs first, joins it too.
    id.startsWith('\0virtual:wxt-') || (id !== newTabEntry && reachedFromNewTab(id, ctx, new Set()))
      ? 'newtab-deps'
      : null;
}

/**
 * The extension pages' build, tuned for the new tab's first paint (`npm run bench:newtab`): one
 * chunk for the new tab's modules, and no modulepreload polyfill (every supported browser preloads
 * modules; the polyfill was one more request). Pages and worker alike keep webextension-polyfill's
 * `browser`, the one promise-based API object the product is built on.
 */
const tunePagesBuild: WxtHooks['vite:build:extendConfig'] = (entrypoints, config) => {
  const newTab = entrypoints.find((entrypoint) => entrypoint.type === 'newtab');
  if (!newTab || !newTab.inputPath.endsWith('index.html')) return;
  const build = (config.build ??= {});
  const output = ((build.rolldownOptions ??= {}).output ??= {});
  if (Array.isArray(output)) return;
  const entry = newTab.inputPath.replace(/index\.html$/, 'main.tsx');
  output.codeSplitting = { groups: [{ name: newTabChunk(entry), debugName: 'newtab-deps' }] };
  build.modulePreload = { polyfill: false };
};

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  hooks: {
    'vite:build:extendConfig': tunePagesBuild,
  },
  vite: (env) => ({
    plugins: [preact()],
    define: {
      // Build-time defaults sit under managed policy and the user's own settings (DESIGN.md, "Settings").
      // A store build carries none: the admin's policy names the org.
      __BUILD_DEFAULTS__: JSON.stringify(
        env.mode === 'production'
          ? {
              oktaDomain: process.env.WORKSTATION_OKTA_DOMAIN ?? '',
              clientId: process.env.WORKSTATION_CLIENT_ID ?? '',
              directoryUrl: process.env.WORKSTATION_DIRECTORY_URL ?? '',
            }
          : {
              oktaDomain: DEV_ORG_URL,
              clientId: DEV_CLIENT_ID,
              directoryUrl: process.env.DEV_DIRECTORY_URL ?? '',
            },
      ),
    },
  }),
  zip: {
    excludeSources: ['**/*.pem', '**/*.log', '.dev-profile/**', 'test-results/**'],
  },
  manifest: (env) => ({
    // Strings come from the one messages file, public/_locales/en/messages.json.
    default_locale: 'en',
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    // A pinned id gives development and test builds a stable redirect URI; stores assign their own.
    // Firefox takes its id from `gecko.id` alone, in every build (without one, storage.managed throws).
    ...(env.browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              // The oldest supported ESR: MV3 host permissions, storage.session, declarativeNetRequest
              // header rules and the built-in data consent are all there.
              strict_min_version: '140.0',
              // Employees' Okta tokens go to their own org and to the directory service its admin runs.
              data_collection_permissions: { required: ['authenticationInfo'] },
            },
          },
        }
      : env.mode === 'production'
        ? {}
        : { key: identity.key }),
    permissions: ['identity', 'storage', 'alarms', 'unlimitedStorage', 'declarativeNetRequestWithHostAccess'],
    host_permissions: [
      'https://*.okta.com/*',
      'https://*.oktapreview.com/*',
      'https://*.okta-emea.com/*',
      'https://*.okta-gov.com/*',
      ...(env.mode === 'production' ? [] : ['http://127.0.0.1/*']),
    ],
    // Custom Okta domains and the directory service are asked for when the user clicks Sign in.
    optional_host_permissions: ['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*'],
    omnibox: { keyword: 'ok' },
    storage: { managed_schema: 'managed_schema.json' },
    action: { default_title: 'Workstation' },
    // The popup serves people who keep the browser's own new tab page.
    commands: {
      _execute_action: { suggested_key: { default: 'Alt+K' }, description: '__MSG_commandSearch__' },
    },
  }),
});
