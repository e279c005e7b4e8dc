import { describe, expect, it } from 'vitest';
import { frecencyScore } from '@/lib/actions/frecency';
import { mailtoUrl } from '@/lib/actions/mailto';
import { quickActions } from '@/lib/actions/quick-actions';
import type { App } from '@/lib/records';

const app = (label: string, appInstanceId: string, sortOrder: number): App => ({
  id: `${appInstanceId} https://acme.okta.com/home/${label}`,
  appInstanceId,
  label,
  linkUrl: `https://acme.okta.com/home/${label}`,
  appName: label.toLowerCase(),
  sortOrder,
});

describe('quick actions', () => {
  const apps = [
    app('Slack', '0oaS', 0),
    app('Jira', '0oaJ', 1),
    app('Workday', '0oaW', 2),
    app('Zoom', '0oaZ', 3),
  ];

  it('puts pinned apps first, then the most used, then dashboard order', () => {
    const frecency = new Map([[apps[3]!.id, 5]]);
    const ordered = quickActions(apps, frecency, ['workday']);
    expect(ordered.map((a) => a.label)).toEqual(['Workday', 'Zoom', 'Slack', 'Jira']);
  });

  it('pins every link of an app instance by its id', () => {
    const ordered = quickActions([...apps, app('Jira Calendar', '0oaJ', 9)], new Map(), ['0oaJ'], 2);
    expect(ordered.map((a) => a.label)).toEqual(['Jira', 'Jira Calendar']);
  });
});

describe('frecency', () => {
  it('lets a recent habit outrank an old one with more launches', () => {
    const now = Date.UTC(2026, 11, 1);
    const day = 86_400_000;
    const recent = frecencyScore({ appId: 'a', count: 5, lastLaunchedAt: now - day }, now);
    const old = frecencyScore({ appId: 'b', count: 12, lastLaunchedAt: now - 60 * day }, now);
    expect(recent).toBeGreaterThan(old);
  });
});

describe('mailtoUrl', () => {
  it('links one plain address', () => {
    expect(mailtoUrl(' ada@acme.com ')).toBe('mailto:ada@acme.com');
    expect(mailtoUrl('ada+ops@acme.com')).toBe('mailto:ada%2Bops@acme.com');
  });

  it('refuses anything a mail client would read as more recipients or headers', () => {
    for (const hostile of [
      'x@acme.com?bcc=all@acme.com',
      'a,b@acme.com',
      'a@acme.com;eve@evil.example',
      'a@acme.com eve@evil.example',
      'a@acme.com\r\nBcc: eve@evil.example',
      'javascript:alert(1)',
      '<a@acme.com>',
    ]) {
      expect(mailtoUrl(hostile)).toBeUndefined();
    }
  });
});
