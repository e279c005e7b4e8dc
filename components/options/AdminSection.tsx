import type { DiagnosticsView } from '@/lib/background/diagnostics';
import { messages } from '@/lib/i18n/messages';
import type { ViewState } from '@/lib/messaging/protocol';

/** Facts about this installation, gathered by the page (the background has no user agent of its own). */
export interface PageFacts {
  version: string;
  extensionId: string;
  userAgent: string;
}

/** The lines of the diagnostics, as copied for support. Pure. */
export function diagnosticsLines(
  state: ViewState,
  facts: PageFacts,
  diagnostics: DiagnosticsView | undefined,
): Array<[string, string]> {
  const { sync } = state;
  const when = (at: number | undefined) => (at ? new Date(at).toISOString() : messages.diagnosticsNone);
  const lines: Array<[string, string]> = [
    [messages.diagnosticsVersion, facts.version],
    [messages.diagnosticsExtensionId, facts.extensionId],
    [messages.diagnosticsBrowser, facts.userAgent],
    [messages.oktaOrg, state.orgHost ?? messages.notSet],
    [messages.redirectUri, state.redirectUri],
    [messages.diagnosticsStored, `${sync.apps} / ${sync.people}`],
    [messages.diagnosticsLastSuccess, when(sync.lastSuccessAt)],
    [messages.diagnosticsSyncState, sync.phase],
    [
      messages.diagnosticsLastError,
      sync.error
        ? `${sync.error.code} (${when(sync.error.at)}): ${sync.error.message}`
        : messages.diagnosticsNone,
    ],
  ];
  if (sync.failures) lines.push([messages.diagnosticsFailures, String(sync.failures)]);
  if (sync.nextAttemptAt) lines.push([messages.diagnosticsNextAttempt, when(sync.nextAttemptAt)]);
  if (diagnostics) {
    lines.push(
      [messages.diagnosticsDatabase, `v${diagnostics.databaseVersion}`],
      [messages.diagnosticsIndex, `v${diagnostics.indexFormatVersion}`],
      [messages.diagnosticsLaunches, String(diagnostics.stored.launches)],
    );
  }
  return lines;
}

/** What an Okta admin needs (org, the exact redirect URI) and diagnostics for support. */
export function AdminSection(props: {
  state: ViewState;
  facts: PageFacts;
  diagnostics: DiagnosticsView | undefined;
  onCopy: (text: string) => void;
}) {
  const lines = diagnosticsLines(props.state, props.facts, props.diagnostics);
  return (
    <>
      <section aria-labelledby="admin">
        <h2 id="admin">{messages.forAdmin}</h2>
        <dl class="facts-list">
          <dt>{messages.oktaOrg}</dt>
          <dd>{props.state.orgHost ?? messages.notSet}</dd>
          <dt>{messages.redirectUri}</dt>
          <dd>
            <code>{props.state.redirectUri}</code>
          </dd>
        </dl>
      </section>
      <section aria-labelledby="diagnostics">
        <h2 id="diagnostics">{messages.diagnostics}</h2>
        <dl class="facts-list">
          {lines.map(([name, value]) => (
            <>
              <dt key={`${name}-t`}>{name}</dt>
              <dd key={`${name}-d`}>{value}</dd>
            </>
          ))}
        </dl>
        <div class="buttons">
          <button
            type="button"
            onClick={() => props.onCopy(lines.map(([name, value]) => `${name}: ${value}`).join('\n'))}
          >
            {messages.copyDiagnostics}
          </button>
        </div>
      </section>
    </>
  );
}
