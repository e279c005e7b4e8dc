import type { Launch } from '@/lib/db/schema';
import type { App } from '@/lib/records';

/** An app link with a distinct instance id per label. */
export function app(label: string, sortOrder: number, instance = `0oa${label.replace(/\W/g, '')}`): App {
  const linkUrl = `https://acme.okta.com/home/${instance}/${sortOrder}`;
  return { id: `${instance} ${linkUrl}`, appInstanceId: instance, label, linkUrl, appName: label, sortOrder };
}

export const NOW = Date.parse('2026-05-01T12:00:00Z');
const DAY = 24 * 60 * 60 * 1000;

/** A launch count some days ago. */
export function launch(target: App, count: number, daysAgo: number): Launch {
  return { appId: target.id, count, lastLaunchedAt: NOW - daysAgo * DAY };
}
