import { browser } from 'wxt/browser';
import { omniboxInputChanged, omniboxInputEntered } from '@/lib/background/omnibox';
import { RESUME_ALARM } from '@/lib/background/sync-runner';
import { SYNC_ALARM, Workstation } from '@/lib/background/workstation';
import { dispatch } from '@/lib/messaging/serve';
import { createBrowserPlatform } from '@/lib/platform/browser-platform';

declare const __BUILD_DEFAULTS__: { oktaDomain: string; clientId: string; directoryUrl: string };

export default defineBackground(() => {
  const platform = createBrowserPlatform();
  const workstation = new Workstation(platform, __BUILD_DEFAULTS__);
  const own = { id: browser.runtime.id, origin: browser.runtime.getURL('/') };

  // Every listener is registered synchronously, before any await: a worker woken by an event must
  // find its listener at once (pitfalls.md, "Listeners after await").
  browser.runtime.onMessage.addListener((message, sender) => {
    return dispatch(workstation.handlers, message, sender, own, () => workstation.sentenceContext());
  });

  browser.omnibox.onInputChanged.addListener((text, suggest) => {
    omniboxInputChanged(workstation, text, platform.omnibox.setDefaultSuggestion, platform.omnibox.markup)
      .then(suggest)
      .catch(() => suggest([]));
  });

  browser.omnibox.onInputEntered.addListener((content, disposition) => {
    void omniboxInputEntered(workstation, content, disposition, (url, where) =>
      platform.tabs.open(url, where),
    );
  });

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM || alarm.name === RESUME_ALARM) void workstation.startSync();
  });

  browser.runtime.onStartup.addListener(() => {
    void workstation.signedIn().then(async (signedIn) => {
      if (signedIn) await workstation.scheduleSync();
    });
  });

  browser.storage.onChanged.addListener((_changes, areaName) => {
    if (areaName === 'managed') void workstation.reloadConfig();
  });
});
