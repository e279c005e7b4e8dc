/**
 * `npm run dev-org -- --port 8417 --people 2000 --apps 150 --seed 1`: runs the dev org alone, prints one
 * line with its URL, the demo accounts and the password, and stops on Ctrl+C (SIGINT) or SIGTERM.
 */
import { parseArgs } from 'node:util';
import { DEMO_LOGINS, DEMO_PASSWORD, startDevOrg } from './org/index';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8417' },
    people: { type: 'string', default: '2000' },
    apps: { type: 'string', default: '150' },
    seed: { type: 'string', default: '1' },
    'trusted-origin': { type: 'string', multiple: true },
    'redirect-uri': { type: 'string', multiple: true },
  },
  strict: true,
});

const integer = (name: string, value: string): number => {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) {
    console.error(`--${name} must be a whole number, got "${value}".`);
    process.exit(2);
  }
  return parsed;
};

const org = await startDevOrg({
  port: integer('port', values.port),
  people: integer('people', values.people),
  apps: integer('apps', values.apps),
  seed: integer('seed', values.seed),
  trustedOrigins: values['trusted-origin'] ?? [],
  redirectUris: values['redirect-uri'] ?? [],
  quiet: true,
});

console.log(
  `Dev org ${org.url} (client ${org.clientId}) — sign in as ${Object.values(DEMO_LOGINS).join(', ')} with password "${DEMO_PASSWORD}"`,
);
console.log(`Directory service credential (dev org only): OKTA_API_TOKEN=${org.service.apiToken}`);

let stopping = false;
const stop = (): void => {
  if (stopping) return;
  stopping = true;
  org.close().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
