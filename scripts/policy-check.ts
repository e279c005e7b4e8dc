/**
 * `npm run policy:check -- FILE…`: validates policy files before they are deployed and prints each
 * problem. Exit status 1 when a file has a problem, 2 on wrong usage.
 */
import { readFile } from 'node:fs/promises';
import { checkPolicyFile } from '../lib/policy/files/check-policy-file';

const files = process.argv.slice(2).filter((arg) => arg !== '--');
if (files.length === 0) {
  console.error('Usage: npm run policy:check -- FILE… (.json, .reg, .mobileconfig or .plist)');
  process.exit(2);
}
let failed = false;
for (const file of files) {
  const report = checkPolicyFile(file, await readFile(file));
  const ids = report.entries.map((entry) => entry.extensionId ?? 'any extension id');
  console.log(`${file}: ${report.format}${ids.length ? ` — policy for ${ids.join(', ')}` : ''}`);
  for (const problem of report.problems) console.log(`  problem: ${problem}`);
  for (const note of report.notes) console.log(`  note: ${note}`);
  if (report.problems.length === 0) console.log('  no problems');
  failed ||= report.problems.length > 0;
}
process.exit(failed ? 1 : 0);
