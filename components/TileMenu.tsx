import { useLayoutEffect, useRef } from 'preact/hooks';
import { messages } from '@/lib/i18n/messages';

/** One entry of a tile's menu. */
export interface TileMenuItem {
  label: string;
  disabled?: boolean;
  onSelect: () => void;
}

/**
 * A tile's "⋯" menu (the ARIA menu-button pattern): Enter, Space or ↓ open it on the first item,
 * arrows move, Escape or Tab close it and focus returns to the button.
 */
export function TileMenu(props: {
  appLabel: string;
  open: boolean;
  items: TileMenuItem[];
  onOpenChange: (open: boolean) => void;
  buttonRef?: (button: HTMLButtonElement | null) => void;
}) {
  const menuRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement | null>(null);

  // Before the menu is painted, not after (as useEffect would): a key pressed as soon as the menu shows
  // (End, an arrow) must not have its focus taken back to the first item a frame later.
  useLayoutEffect(() => {
    if (!props.open) return;
    menuRef.current?.querySelector<HTMLButtonElement>('[role="menuitem"]:not([disabled])')?.focus();
  }, [props.open]);

  const close = (refocus: boolean) => {
    props.onOpenChange(false);
    if (refocus) buttonRef.current?.focus();
  };

  const onMenuKey = (event: KeyboardEvent) => {
    const items = [
      ...(menuRef.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]:not([disabled])') ?? []),
    ];
    const at = items.indexOf(document.activeElement as HTMLButtonElement);
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close(true);
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      items[(at + step + items.length) % items.length]?.focus();
    } else if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      (event.key === 'Home' ? items[0] : items[items.length - 1])?.focus();
    } else if (event.key === 'Tab') {
      close(false);
    }
  };

  return (
    <div
      class="tile-menu"
      onFocusOut={(event) => {
        const next = event.relatedTarget as Node | null;
        if (props.open && next && !event.currentTarget.contains(next)) close(false);
      }}
    >
      <button
        type="button"
        class="tile-menu-button"
        ref={(button) => {
          buttonRef.current = button;
          props.buttonRef?.(button);
        }}
        aria-label={messages.appMenu(props.appLabel)}
        aria-haspopup="menu"
        aria-expanded={props.open}
        onClick={() => props.onOpenChange(!props.open)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' && !props.open) {
            event.preventDefault();
            props.onOpenChange(true);
          }
        }}
      >
        <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
          <circle cx="3" cy="8" r="1.5" fill="currentColor" />
          <circle cx="8" cy="8" r="1.5" fill="currentColor" />
          <circle cx="13" cy="8" r="1.5" fill="currentColor" />
        </svg>
      </button>
      {props.open && (
        <div
          role="menu"
          class="menu"
          ref={menuRef}
          aria-label={messages.appMenu(props.appLabel)}
          onKeyDown={onMenuKey}
        >
          {props.items.map((item) => (
            <button
              key={item.label}
              type="button"
              role="menuitem"
              tabIndex={-1}
              disabled={item.disabled}
              onClick={() => {
                close(true);
                item.onSelect();
              }}
            >
              {item.label}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
