import { useCallback, useEffect, useState } from 'preact/hooks';
import type { DiagnosticsView } from '@/lib/background/diagnostics';
import {
  browserNewTabSupport,
  prefersBrowserNewTab,
  setPrefersBrowserNewTab,
} from '@/lib/platform/browser-new-tab';
import { extensionInfo } from '@/lib/platform/extension-info';
import type { PageFacts } from '../options/AdminSection';
import { send } from './send';

/** Diagnostics from the worker, refreshed when `refreshKey` changes (after each sync). */
export function useDiagnostics(refreshKey: unknown): DiagnosticsView | undefined {
  const [diagnostics, setDiagnostics] = useState<DiagnosticsView | undefined>(undefined);
  useEffect(() => {
    send('diagnostics', undefined).then(setDiagnostics, () => setDiagnostics(undefined));
  }, [refreshKey]);
  return diagnostics;
}

/** The version, id and browser of this installation. */
export function pageFacts(): PageFacts {
  const { version, id } = extensionInfo();
  return { version, extensionId: id, userAgent: navigator.userAgent };
}

/** The "Use the browser's new tab page" choice and what this browser allows. */
export function useBrowserNewTabChoice() {
  const support = browserNewTabSupport(navigator.userAgent);
  const [checked, setChecked] = useState(prefersBrowserNewTab);
  const onChange = useCallback((value: boolean) => {
    setPrefersBrowserNewTab(value);
    setChecked(value);
  }, []);
  return { ...support, checked, onChange };
}

/** Copies text; resolves false when the browser refuses. */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
