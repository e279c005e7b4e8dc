import { messages } from '@/lib/i18n/messages';

/**
 * "Use the browser's new tab page": a checkbox where the browser lets the extension hand new tabs to
 * its own page; elsewhere a sentence saying it cannot, pointing to the toolbar button and the omnibox.
 */
export function NewTabSection(props: {
  supported: boolean;
  browserName: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <section aria-labelledby="new-tab">
      <h2 id="new-tab">{messages.newTabSection}</h2>
      {props.supported ? (
        <>
          <label class="check">
            <input
              type="checkbox"
              checked={props.checked}
              aria-describedby="new-tab-help"
              onChange={(event) => props.onChange(event.currentTarget.checked)}
            />
            {messages.useBrowserNewTab}
          </label>
          <p id="new-tab-help" class="muted small">
            {messages.useBrowserNewTabChromium}
          </p>
        </>
      ) : (
        <p class="muted">{messages.useBrowserNewTabUnsupported(props.browserName)}</p>
      )}
    </section>
  );
}
