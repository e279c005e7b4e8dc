import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { QuickActionChange } from '@/lib/actions/quick-action-prefs';
import type { QuickActionTile, QuickActionsView } from '@/lib/actions/quick-actions-view';
import { messages } from '@/lib/i18n/messages';
import { isWebUrl } from '@/lib/okta/is-web-url';
import { AppLogo } from './AppLogo';
import { TileMenu } from './TileMenu';
import type { TileMenuItem } from './TileMenu';

/** Where focus goes after a change that leaves no particular tile to focus: the first one. */
const FIRST_TILE = Symbol('first tile');

/** What a click on an app link asks for: this tab, or a new one (Ctrl/Cmd/Shift/middle click). */
type OnOpen = (tile: QuickActionTile, newTab: boolean) => void;

function AppLink(props: {
  tile: QuickActionTile;
  onOpen: OnOpen;
  class: string;
  children: ComponentChildren;
  linkRef?: (link: HTMLAnchorElement | null) => void;
  onKeyDown?: (event: KeyboardEvent) => void;
}) {
  const { tile, onOpen } = props;
  return (
    <a
      class={props.class}
      // Only a web link goes in the page: the browser itself opens an href on a middle click or drag.
      href={isWebUrl(tile.linkUrl) ? tile.linkUrl : undefined}
      ref={props.linkRef}
      onKeyDown={props.onKeyDown}
      onClick={(event) => {
        event.preventDefault();
        onOpen(tile, event.ctrlKey || event.metaKey || event.shiftKey);
      }}
      onAuxClick={(event) => {
        if (event.button !== 1) return;
        event.preventDefault();
        onOpen(tile, true);
      }}
    >
      {props.children}
    </a>
  );
}

function PinBadge({ pin }: { pin: NonNullable<QuickActionTile['pin']> }) {
  const label = pin === 'policy' ? messages.pinnedByOrg : messages.pinnedByYou;
  return (
    <span class={`pin-badge pin-${pin}`} title={label}>
      <svg width="12" height="12" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
        {pin === 'policy' ? (
          <path d="M4 7V5a4 4 0 0 1 8 0v2h1v8H3V7h1zm2 0h4V5a2 2 0 0 0-4 0v2z" fill="currentColor" />
        ) : (
          <path d="M10 1l5 5-2 1-3 3 1 4-1 1-3-3-4 4-1-1 4-4-3-3 1-1 4 1 3-3z" fill="currentColor" />
        )}
      </svg>
      <span class="visually-hidden">{label}</span>
    </span>
  );
}

/**
 * The quick-actions widget: the person's apps as tiles (policy pins first and fixed), each with a menu
 * to pin, move or hide it; tiles can also be dragged, or moved with Alt+←/→; then the recently used row.
 */
export function QuickActions({
  view,
  onOpen,
  onChange,
  hidden = false,
}: {
  view: QuickActionsView | undefined;
  onOpen: OnOpen;
  onChange: (change: QuickActionChange) => void;
  /** Kept in the layout but out of sight while results show, so nothing below moves. */
  hidden?: boolean;
}) {
  const [menuFor, setMenuFor] = useState<string | undefined>(undefined);
  const [dragged, setDragged] = useState<string | undefined>(undefined);
  const refocus = useRef<string | typeof FIRST_TILE | undefined>(undefined);
  const links = useRef(new Map<string, HTMLAnchorElement>());
  const root = useRef<HTMLDivElement>(null);
  const tiles = view?.tiles ?? [];
  const firstMovable = tiles.filter((tile) => tile.pin === 'policy').length;

  // A change re-renders the tiles — a moved or pinned tile's node moves, a hidden one goes — which
  // drops focus: put it on the tile the change leaves in the person's hands, before the frame is
  // painted, so a second Alt+→ pressed at once still reaches it. Keyboard focus never falls to the page.
  useLayoutEffect(() => {
    const target = refocus.current;
    if (target === undefined) return;
    // Unless the person has gone elsewhere meanwhile (the worker's answer can take a moment).
    const active = document.activeElement;
    if (active && active !== document.body && !root.current?.contains(active)) {
      refocus.current = undefined;
      return;
    }
    const link = target === FIRST_TILE ? links.current.values().next().value : links.current.get(target);
    if (link === undefined) return;
    refocus.current = undefined;
    link.focus();
  }, [view]);

  const changeAndFocus = (change: QuickActionChange, focus: string | typeof FIRST_TILE) => {
    refocus.current = focus;
    onChange(change);
  };
  const move = (tile: QuickActionTile, to: number) =>
    changeAndFocus({ op: 'move', appId: tile.id, to }, tile.id);

  const menuItems = (tile: QuickActionTile, index: number): TileMenuItem[] => [
    tile.pin === 'user'
      ? { label: messages.unpin, onSelect: () => changeAndFocus({ op: 'unpin', appId: tile.id }, tile.id) }
      : { label: messages.pin, onSelect: () => changeAndFocus({ op: 'pin', appId: tile.id }, tile.id) },
    { label: messages.moveEarlier, disabled: index <= firstMovable, onSelect: () => move(tile, index - 1) },
    { label: messages.moveLater, disabled: index >= tiles.length - 1, onSelect: () => move(tile, index + 1) },
    {
      label: messages.hide,
      // Focus goes to the tile that takes its place (or the one before, for the last).
      onSelect: () =>
        changeAndFocus(
          { op: 'hide', appId: tile.id },
          (tiles[index + 1] ?? tiles[index - 1])?.id ?? FIRST_TILE,
        ),
    },
  ];

  let body: preact.ComponentChild;
  if (!view?.hasApps)
    body = (
      <p class="muted empty" elementtiming="quick-actions">
        {messages.noAppsYet}
      </p>
    );
  else if (tiles.length === 0) body = <p class="muted empty">{messages.allAppsHidden}</p>;
  else
    body = (
      <ul class="tiles">
        {tiles.map((tile, index) => {
          const fixed = tile.pin === 'policy';
          return (
            <li
              key={tile.id}
              class={`tile${dragged === tile.id ? ' dragging' : ''}`}
              draggable={!fixed}
              onDragStart={(event) => {
                setDragged(tile.id);
                event.dataTransfer?.setData('text/plain', tile.id);
              }}
              onDragEnd={() => setDragged(undefined)}
              onDragOver={(event) => {
                if (dragged && !fixed && dragged !== tile.id) event.preventDefault();
              }}
              onDrop={(event) => {
                event.preventDefault();
                const moving = tiles.find((candidate) => candidate.id === dragged);
                setDragged(undefined);
                if (moving && !fixed) move(moving, index);
              }}
            >
              <AppLink
                tile={tile}
                onOpen={onOpen}
                class="tile-link"
                linkRef={(link) => {
                  if (link) links.current.set(tile.id, link);
                  else links.current.delete(tile.id);
                }}
                onKeyDown={(event) => {
                  if (!event.altKey || fixed) return;
                  if (event.key === 'ArrowLeft' && index > firstMovable) {
                    event.preventDefault();
                    move(tile, index - 1);
                  } else if (event.key === 'ArrowRight' && index < tiles.length - 1) {
                    event.preventDefault();
                    move(tile, index + 1);
                  }
                }}
              >
                <AppLogo label={tile.label} size={36} {...(tile.logoUrl ? { logoUrl: tile.logoUrl } : {})} />
                <span class="tile-label" elementtiming="quick-actions">
                  {tile.label}
                </span>
              </AppLink>
              {tile.pin && <PinBadge pin={tile.pin} />}
              {!fixed && (
                <TileMenu
                  appLabel={tile.label}
                  open={menuFor === tile.id}
                  items={menuItems(tile, index)}
                  onOpenChange={(open) => setMenuFor(open ? tile.id : undefined)}
                />
              )}
            </li>
          );
        })}
      </ul>
    );

  return (
    <div class={`home-apps${hidden ? ' out-of-sight' : ''}`} inert={hidden} ref={root}>
      <section class="quick-actions" aria-labelledby="quick-actions-title">
        <div class="section-head">
          <h2 id="quick-actions-title">{messages.quickActions}</h2>
          {view && view.hiddenCount > 0 && (
            <button
              type="button"
              class="link small"
              onClick={() => changeAndFocus({ op: 'unhideAll' }, FIRST_TILE)}
            >
              {messages.showHidden(view.hiddenCount)}
            </button>
          )}
        </div>
        {body}
        {tiles.length > 1 && <p class="muted small help">{messages.quickActionsHelp}</p>}
      </section>
      {view && view.recent.length > 0 && (
        <section class="recent" aria-labelledby="recent-title">
          <h2 id="recent-title">{messages.recentlyUsed}</h2>
          <ul class="chips">
            {view.recent.map((tile) => (
              <li key={tile.id}>
                <AppLink tile={tile} onOpen={onOpen} class="chip">
                  <AppLogo
                    label={tile.label}
                    size={20}
                    {...(tile.logoUrl ? { logoUrl: tile.logoUrl } : {})}
                  />
                  <span class="chip-label">{tile.label}</span>
                </AppLink>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
