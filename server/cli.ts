/**
 * `npm run directory`: runs the directory service with settings from environment variables
 * (docs/directory-service.md). `npm run directory -- --dev` fills every unset one for the dev org of
 * `npm start` / `npm run dev-org` on 127.0.0.1:8417, with its fixed dev API token.
 * A missing or wrong setting stops it at once with one line naming the setting.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, describeConfig, loadConfig } from './config/load-config';
import { startDirectory } from './start-directory';

const { values } = parseArgs({ options: { dev: { type: 'boolean', default: false } }, strict: true });

const env: Record<string, string | undefined> = { ...process.env };
if (values.dev) {
  const { DEFAULT_CLIENT_ID, DEV_API_TOKEN } = await import('../dev/org/index');
  const { extensionId } = (await import('../dev/extension-identity.json', { with: { type: 'json' } }))
    .default;
  env.OKTA_DOMAIN ??= 'http://127.0.0.1:8417';
  env.OKTA_CLIENT_ID ??= DEFAULT_CLIENT_ID;
  if (!env.OKTA_SERVICE_CLIENT_ID) env.OKTA_API_TOKEN ??= DEV_API_TOKEN;
  env.DATABASE_PATH ??= join(tmpdir(), 'workstation-directory-dev.sqlite');
  env.CORS_ORIGINS ??= `chrome-extension://${extensionId}`;
}

let config;
try {
  config = loadConfig(env);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(`directory: ${error.message}`);
  process.exit(2);
}

const directory = await startDirectory(config).catch((error: unknown) => {
  console.error(`directory: could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
console.log(`directory: serving ${directory.url} — ${describeConfig(config)}`);

let stopping = false;
const stop = (): void => {
  if (stopping) return;
  stopping = true;
  directory.close().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
