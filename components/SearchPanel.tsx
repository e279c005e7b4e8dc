import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { messages } from '@/lib/i18n/messages';
import type { AppView, PersonView, ResultView } from '@/lib/messaging/protocol';
import { AppRow, PersonRow } from './ResultRows';

/** What the search panel needs from its page. */
export interface SearchPanelProps {
  query: string;
  settledQuery: string;
  results: ResultView[];
  onQueryChange: (query: string) => void;
  onOpenApp: (app: AppView, newTab: boolean) => void;
  onEmail: (person: PersonView) => void;
  onCopy: (person: PersonView) => Promise<boolean>;
  inputRef?: preact.RefObject<HTMLInputElement | null>;
  /** People search is off or unavailable: say "Search apps". */
  appsOnly?: boolean;
  /** Nothing is synced yet: a query with no results says so instead of "nothing matches". */
  notSynced?: boolean;
}

const cellId = (row: number, cell: number) => `result-${row}-${cell}`;

/**
 * The search box and its results: the ARIA combobox-with-grid pattern (DESIGN.md, "UI contract"), so
 * a person row's "Copy email" button stays reachable. Arrows move, Enter activates, Escape clears.
 */
export function SearchPanel(props: SearchPanelProps) {
  const { results, query } = props;
  const rows = useMemo(() => {
    const apps = results.filter((result): result is AppView => result.kind === 'app');
    const people = results.filter((result): result is PersonView => result.kind === 'person');
    return { apps, people, all: [...apps, ...people] as ResultView[] };
  }, [results]);
  const [active, setActive] = useState(-1);
  const [activeCell, setActiveCell] = useState(0);
  const [copiedId, setCopiedId] = useState<string | undefined>(undefined);
  const [announcement, setAnnouncement] = useState('');
  const copiedTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  // New results make their first row the active one before they are painted: an Enter pressed as they
  // show acts on what is shown.
  useLayoutEffect(() => {
    setActive(rows.all.length > 0 ? 0 : -1);
    setActiveCell(0);
  }, [rows]);

  const copy = async (person: PersonView) => {
    if (!person.email) return;
    if (!(await props.onCopy(person))) {
      setAnnouncement(messages.copyFailed(person.email));
      return;
    }
    setAnnouncement(messages.copiedAnnouncement(person.email));
    setCopiedId(person.id);
    clearTimeout(copiedTimer.current);
    copiedTimer.current = setTimeout(() => setCopiedId(undefined), 1500);
  };

  const activate = (index: number, cell: number, newTab: boolean) => {
    const row = rows.all[index];
    if (!row) return;
    if (row.kind === 'app') props.onOpenApp(row, newTab);
    else if (cell === 1) void copy(row);
    else if (row.email) props.onEmail(row);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const count = rows.all.length;
    const current = rows.all[active];
    const cells = current?.kind === 'person' && current.email ? 2 : 1;
    switch (event.key) {
      case 'ArrowDown':
        if (count === 0) return;
        event.preventDefault();
        setActive((index) => Math.min(index + 1, count - 1));
        setActiveCell(0);
        break;
      case 'ArrowUp':
        if (count === 0) return;
        event.preventDefault();
        setActive((index) => Math.max(index - 1, 0));
        setActiveCell(0);
        break;
      case 'ArrowRight':
        if (active < 0 || cells < 2) return;
        event.preventDefault();
        setActiveCell(1);
        break;
      case 'ArrowLeft':
        if (active < 0 || activeCell === 0) return;
        event.preventDefault();
        setActiveCell(0);
        break;
      case 'Enter':
        if (active < 0) return;
        event.preventDefault();
        activate(active, activeCell, event.ctrlKey || event.metaKey);
        break;
      case 'Escape':
        event.preventDefault();
        props.onQueryChange('');
        break;
      default:
        return;
    }
  };

  const expanded = rows.all.length > 0;
  const noResults = query.trim() !== '' && props.settledQuery === query && rows.all.length === 0;
  const noResultsText = props.notSynced
    ? messages.noResultsNotSynced
    : props.appsOnly
      ? messages.noResultsAppsOnly(query)
      : messages.noResults(query);
  const renderRow = (row: ResultView, index: number) =>
    row.kind === 'app' ? (
      <AppRow
        key={row.id}
        app={row}
        index={index}
        active={index === active}
        activeCell={activeCell}
        cellId={cellId}
        onOpen={(newTab) => props.onOpenApp(row, newTab)}
      />
    ) : (
      <PersonRow
        key={row.id}
        person={row}
        index={index}
        active={index === active}
        activeCell={activeCell}
        cellId={cellId}
        copied={copiedId === row.id}
        onEmail={() => props.onEmail(row)}
        onCopy={() => void copy(row)}
      />
    );

  return (
    <div class="search">
      <input
        ref={props.inputRef}
        type="text"
        role="combobox"
        aria-label={props.appsOnly ? messages.searchAppsLabel : messages.searchLabel}
        aria-expanded={expanded}
        aria-controls="results"
        aria-haspopup="grid"
        aria-autocomplete="list"
        aria-describedby="search-hint"
        aria-activedescendant={active >= 0 && expanded ? cellId(active, activeCell) : undefined}
        placeholder={props.appsOnly ? messages.searchAppsLabel : messages.searchPlaceholder}
        autoComplete="off"
        spellcheck={false}
        value={query}
        onInput={(event) => props.onQueryChange(event.currentTarget.value)}
        onKeyDown={onKeyDown}
      />
      <div role="grid" id="results" aria-label={messages.searchLabel} class="results" hidden={!expanded}>
        {rows.apps.length > 0 && (
          <div role="rowgroup" aria-label={messages.apps}>
            <div class="group-label" aria-hidden="true">
              {messages.apps}
            </div>
            {rows.apps.map((row, index) => renderRow(row, index))}
          </div>
        )}
        {rows.people.length > 0 && (
          <div role="rowgroup" aria-label={messages.people}>
            <div class="group-label" aria-hidden="true">
              {messages.people}
            </div>
            {rows.people.map((row, index) => renderRow(row, rows.apps.length + index))}
          </div>
        )}
      </div>
      {noResults && (
        <p class="muted no-results" role="status">
          {noResultsText}
        </p>
      )}
      <p id="search-hint" class="muted small hint">
        {messages.searchHint}
      </p>
      <div class="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </div>
    </div>
  );
}
