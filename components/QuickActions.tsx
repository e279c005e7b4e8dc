import { messages } from '@/lib/i18n/messages';
import type { AppView } from '@/lib/messaging/protocol';
import { AppLogo } from './AppLogo';

/** The most-used apps, one link each; a click opens the app here, Ctrl/Cmd/middle-click in a new tab. */
export function QuickActions({
  apps,
  onOpen,
}: {
  apps: AppView[];
  onOpen: (app: AppView, newTab: boolean) => void;
}) {
  return (
    <section class="quick-actions" aria-label={messages.quickActions}>
      <h2>{messages.quickActions}</h2>
      {apps.length === 0 ? (
        <p class="muted">{messages.noAppsYet}</p>
      ) : (
        <ul>
          {apps.map((app) => (
            <li key={app.id}>
              <a
                href={app.linkUrl}
                onClick={(event) => {
                  event.preventDefault();
                  onOpen(app, event.ctrlKey || event.metaKey || event.shiftKey);
                }}
                onAuxClick={(event) => {
                  if (event.button !== 1) return;
                  event.preventDefault();
                  onOpen(app, true);
                }}
              >
                <AppLogo label={app.label} {...(app.logoUrl ? { logoUrl: app.logoUrl } : {})} />
                <span class="tile-label">{app.label}</span>
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
