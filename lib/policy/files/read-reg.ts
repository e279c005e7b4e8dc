/** One registry key of a `.reg` file with its values. */
export interface RegKey {
  path: string;
  values: Record<string, string | number>;
}

/**
 * Reads a Windows Registry Editor file (`.reg`, version 5.00 or REGEDIT4): keys, string values
 * (`"name"="text"`, with `\\` and `\"` escapes) and DWORDs (`"name"=dword:0000003c`). Other value kinds
 * are reported by name so a checker can say they are not read.
 */
export function readReg(text: string): { keys: RegKey[]; unreadable: string[] } {
  const keys: RegKey[] = [];
  const unreadable: string[] = [];
  let current: RegKey | undefined;
  // Continuation lines (hex values) end with a backslash.
  const lines = text
    .replace(/^\uFEFF/, '')
    .replace(/\\\r?\n\s*/g, '')
    .split(/\r?\n/);
  for (const raw of lines) {
    const line = raw.trim();
    if (!line || line.startsWith(';') || /^(Windows Registry Editor|REGEDIT4)/i.test(line)) continue;
    const key = /^\[(-?)(.+)\]$/.exec(line);
    if (key) {
      current = key[1] ? undefined : { path: key[2]!, values: {} };
      if (current) keys.push(current);
      continue;
    }
    const value = /^(?:"((?:[^"\\]|\\.)*)"|@)=(.*)$/.exec(line);
    if (!value || !current) {
      unreadable.push(line);
      continue;
    }
    const name = unescape(value[1] ?? '');
    const data = value[2]!;
    const text = /^"((?:[^"\\]|\\.)*)"$/.exec(data);
    const dword = /^dword:([0-9a-f]{8})$/i.exec(data);
    if (text) current.values[name] = unescape(text[1]!);
    else if (dword) current.values[name] = parseInt(dword[1]!, 16) | 0;
    else unreadable.push(line);
  }
  return { keys, unreadable };
}

function unescape(text: string): string {
  return text.replace(/\\(.)/g, '$1');
}
