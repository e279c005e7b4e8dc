import { messages } from '@/lib/i18n/messages';
import type { AppView, PersonView } from '@/lib/messaging/protocol';
import { AppLogo, initials } from './AppLogo';
import { Highlighted } from './Highlighted';

/** Two overlapping sheets: the usual "copy" glyph, drawn so it never depends on a font. */
function CopyIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <rect x="5" y="5" width="9" height="9" rx="1.5" fill="none" stroke="currentColor" stroke-width="1.5" />
      <path d="M3 11V3.5A1.5 1.5 0 0 1 4.5 2H11" fill="none" stroke="currentColor" stroke-width="1.5" />
    </svg>
  );
}

/** A tick, shown with "Copied". */
function CheckIcon() {
  return (
    <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d="M3 8.5l3 3 7-7" fill="none" stroke="currentColor" stroke-width="2" />
    </svg>
  );
}

/** Shared props of a result row. */
interface RowProps {
  index: number;
  active: boolean;
  activeCell: number;
  cellId: (row: number, cell: number) => string;
}

/** An app row: one cell; activating it opens the app. */
export function AppRow(props: RowProps & { app: AppView; onOpen: (newTab: boolean) => void }) {
  const { app } = props;
  return (
    <div role="row" class={`row${props.active ? ' active' : ''}`} aria-selected={props.active}>
      <div
        role="gridcell"
        id={props.cellId(props.index, 0)}
        class="cell-main"
        onClick={(event) => props.onOpen(event.ctrlKey || event.metaKey)}
      >
        <AppLogo label={app.label} {...(app.logoUrl ? { logoUrl: app.logoUrl } : {})} />
        <span class="name">
          <span class="primary-text">
            <Highlighted text={app.label} ranges={app.highlights} />
          </span>
        </span>
      </div>
    </div>
  );
}

/** A person row: the row emails them; a separate cell holds the "Copy email" button. */
export function PersonRow(
  props: RowProps & { person: PersonView; copied: boolean; onEmail: () => void; onCopy: () => void },
) {
  const { person } = props;
  const facts = [person.title, person.department, person.location].filter(Boolean).join(' · ');
  return (
    <div role="row" class={`row${props.active ? ' active' : ''}`} aria-selected={props.active}>
      <div
        role="gridcell"
        id={props.cellId(props.index, 0)}
        class={`cell-main${props.active && props.activeCell === 0 ? ' active-cell' : ''}${person.email ? '' : ' no-email'}`}
        onClick={person.email ? props.onEmail : undefined}
        title={person.email ? messages.emailPerson(person.displayName) : undefined}
      >
        <span class="logo logo-initials person" aria-hidden="true">
          {initials(person.displayName)}
        </span>
        <span class="name">
          <span class="primary-text">
            <Highlighted text={person.displayName} ranges={person.highlights} />
          </span>
          {facts && <span class="facts muted">{facts}</span>}
        </span>
        <span class="email muted">{person.email ?? messages.noEmail}</span>
      </div>
      {person.email && (
        <div
          role="gridcell"
          id={props.cellId(props.index, 1)}
          class={`cell-action${props.active && props.activeCell === 1 ? ' active-cell' : ''}`}
        >
          <button
            type="button"
            tabIndex={-1}
            class="copy"
            aria-label={messages.copyEmail(person.displayName)}
            onClick={(event) => {
              event.stopPropagation();
              props.onCopy();
            }}
          >
            {props.copied ? (
              <span class="copied">
                <CheckIcon />
                {messages.copied}
              </span>
            ) : (
              <CopyIcon />
            )}
          </button>
        </div>
      )}
    </div>
  );
}
