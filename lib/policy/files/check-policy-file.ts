import { parsePolicy } from '../parse-policy';
import { readPlist } from './read-plist';
import { readReg, type RegKey } from './read-reg';

/** What `npm run policy:check` found in one file. */
export interface PolicyFileReport {
  /** The format recognised, e.g. "Windows registry (.reg)". */
  format: string;
  /** Each extension policy found: where it sits and the extension id it is for. */
  entries: Array<{ where: string; extensionId?: string; policy: unknown }>;
  /** Each problem, as a sentence an admin can act on. */
  problems: string[];
  /** Things to fill in that are not errors, e.g. the extension id placeholder. */
  notes: string[];
}

/** A policy entry before its keys are judged. */
interface Entry {
  where: string;
  extensionId?: string;
  browser: 'chromium' | 'firefox' | 'any';
  policy: unknown;
}

const BOOLEAN_KEYS = new Set(['peopleSearch']);
const LIST_KEYS = new Set(['allowedGroups', 'pinnedApps']);
const CHROMIUM_ID = /^[a-p]{32}$/;
const GECKO_ID = /^([^@\s]+@[^@\s]+|\{[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\})$/i;
const PLACEHOLDER = /^[A-Z][A-Z0-9_]*$/;

/**
 * Validates a policy file an admin is about to deploy, in any format the admin guide ships: Google
 * Admin console JSON, Chrome/Chromium/Edge managed JSON (Linux), Firefox `policies.json`, Windows
 * `.reg`, a macOS configuration profile (`.mobileconfig`) or preference `.plist`. Each Workstation
 * policy found is judged by `parsePolicy`, the same code the extension runs.
 */
export function checkPolicyFile(fileName: string, bytes: Uint8Array): PolicyFileReport {
  const text = decodeText(bytes);
  const lower = fileName.toLowerCase();
  let format: string;
  let entries: Entry[];
  const problems: string[] = [];
  try {
    if (lower.endsWith('.reg')) {
      format = 'Windows registry (.reg)';
      entries = regEntries(text, problems);
    } else if (
      lower.endsWith('.mobileconfig') ||
      lower.endsWith('.plist') ||
      text.trimStart().startsWith('<')
    ) {
      const plist = readPlist(text);
      ({ format, entries } = plistEntries(plist, fileName));
    } else {
      ({ format, entries } = jsonEntries(JSON.parse(text) as unknown));
    }
  } catch (error) {
    return {
      format: 'unreadable',
      entries: [],
      problems: [`The file could not be read: ${error instanceof Error ? error.message : String(error)}`],
      notes: [],
    };
  }
  const notes: string[] = [];
  if (entries.length === 0) problems.push('No Workstation policy was found in the file.');
  for (const entry of entries) {
    const where = entry.where;
    if (entry.extensionId !== undefined) {
      const valid = entry.browser === 'firefox' ? GECKO_ID : entry.browser === 'chromium' ? CHROMIUM_ID : /./;
      if (PLACEHOLDER.test(entry.extensionId)) {
        notes.push(
          `${where}: replace ${entry.extensionId} with the extension id of your store channel (docs/admin.md, “Extension ids and redirect URIs”).`,
        );
      } else if (!valid.test(entry.extensionId)) {
        problems.push(`${where}: "${entry.extensionId}" is not an extension id.`);
      }
    }
    const { policy, warnings } = parsePolicy(entry.policy);
    for (const warning of warnings) problems.push(`${where}: ${warning.message}`);
    if (!policy.oktaDomain || !policy.clientId) {
      problems.push(`${where}: set both oktaDomain and clientId (a store build has no defaults).`);
    }
  }
  return {
    format,
    entries: entries.map(({ where, extensionId, policy }) => ({
      where,
      ...(extensionId === undefined ? {} : { extensionId }),
      policy,
    })),
    problems,
    notes,
  };
}

function decodeText(bytes: Uint8Array): string {
  // regedit saves .reg files as UTF-16 LE with a byte-order mark.
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  return new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function jsonEntries(json: unknown): { format: string; entries: Entry[] } {
  if (!isObject(json)) throw new Error('the JSON is not an object');
  if (isObject(json.policies)) {
    const extensions = (json.policies['3rdparty'] as Record<string, unknown> | undefined)?.Extensions;
    return {
      format: 'Firefox policies.json',
      entries: isObject(extensions)
        ? Object.entries(extensions).map(([id, policy]) => ({
            where: `policies.3rdparty.Extensions["${id}"]`,
            extensionId: id,
            browser: 'firefox' as const,
            policy,
          }))
        : [],
    };
  }
  if ('3rdparty' in json) {
    const extensions = (json['3rdparty'] as Record<string, unknown> | undefined)?.extensions;
    return {
      format: 'Chrome, Chromium or Edge managed policy JSON (Linux)',
      entries: isObject(extensions)
        ? Object.entries(extensions).map(([id, policy]) => ({
            where: `3rdparty.extensions["${id}"]`,
            extensionId: id,
            browser: 'chromium' as const,
            policy,
          }))
        : [],
    };
  }
  const values = Object.values(json);
  if (values.length > 0 && values.every((value) => isObject(value) && 'Value' in value)) {
    // The Admin console's "Policy for extensions" upload wraps each value: {"key": {"Value": …}}.
    const policy = Object.fromEntries(
      Object.entries(json).map(([key, value]) => [key, (value as { Value: unknown }).Value]),
    );
    return { format: 'Google Admin console JSON', entries: [{ where: 'the file', browser: 'any', policy }] };
  }
  return {
    format: 'Workstation policy JSON',
    entries: [{ where: 'the file', browser: 'any', policy: json }],
  };
}

const REG_POLICY =
  /^HKEY_(?:LOCAL_MACHINE|CURRENT_USER)\\SOFTWARE\\Policies\\(?:Google\\Chrome|Chromium|Microsoft\\Edge|BraveSoftware\\Brave)\\3rdparty\\extensions\\([^\\]+)\\policy(?:\\([^\\]+))?$/i;

function regEntries(text: string, problems: string[]): Entry[] {
  const { keys, unreadable } = readReg(text);
  for (const line of unreadable) problems.push(`This line is not read: ${line}`);
  const byId = new Map<string, { root?: RegKey; lists: Map<string, RegKey> }>();
  for (const key of keys) {
    const match = REG_POLICY.exec(key.path);
    if (!match) continue;
    const id = match[1]!;
    const entry = byId.get(id) ?? { lists: new Map<string, RegKey>() };
    if (match[2]) entry.lists.set(match[2], key);
    else entry.root = key;
    byId.set(id, entry);
  }
  return [...byId].map(([id, { root, lists }]) => {
    const policy: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(root?.values ?? {})) {
      // Chrome turns a DWORD into true/false where the schema says boolean.
      policy[name] = BOOLEAN_KEYS.has(name) && (value === 0 || value === 1) ? value === 1 : value;
    }
    for (const [name, key] of lists) {
      const items = Object.entries(key.values)
        .sort(([a], [b]) => Number(a) - Number(b))
        .map(([, value]) => value);
      policy[name] = LIST_KEYS.has(name) ? items : key.values;
    }
    return { where: `extensions\\${id}\\policy`, extensionId: id, browser: 'chromium' as const, policy };
  });
}

const EXTENSION_DOMAIN =
  /^(?:com\.google\.Chrome|org\.chromium\.Chromium|com\.microsoft\.Edge|com\.brave\.Browser)\.extensions\.(.+)$/;

function plistEntries(plist: unknown, fileName: string): { format: string; entries: Entry[] } {
  if (!isObject(plist)) throw new Error('the property list is not a dictionary');
  if (!Array.isArray(plist.PayloadContent)) {
    const domain = /([^/\\]+)\.plist$/i.exec(fileName)?.[1] ?? '';
    const id = EXTENSION_DOMAIN.exec(domain)?.[1];
    return {
      format: 'macOS preference list (.plist)',
      entries: [
        { where: 'the file', ...(id ? { extensionId: id } : {}), browser: 'chromium', policy: plist },
      ],
    };
  }
  const entries: Entry[] = [];
  for (const payload of plist.PayloadContent as unknown[]) {
    if (!isObject(payload)) continue;
    const type = String(payload.PayloadType ?? '');
    const direct = EXTENSION_DOMAIN.exec(type);
    if (direct) {
      const policy = Object.fromEntries(
        Object.entries(payload).filter(([key]) => !key.startsWith('Payload')),
      );
      entries.push({ where: `payload ${type}`, extensionId: direct[1]!, browser: 'chromium', policy });
    } else if (type === 'com.apple.ManagedClient.preferences' && isObject(payload.PayloadContent)) {
      for (const [domain, settings] of Object.entries(payload.PayloadContent)) {
        const id = EXTENSION_DOMAIN.exec(domain)?.[1];
        const forced = isObject(settings) && Array.isArray(settings.Forced) ? settings.Forced : [];
        for (const item of forced) {
          if (id && isObject(item)) {
            entries.push({
              where: domain,
              extensionId: id,
              browser: 'chromium',
              policy: item.mcx_preference_settings,
            });
          }
        }
      }
    }
  }
  return { format: 'macOS configuration profile (.mobileconfig)', entries };
}
