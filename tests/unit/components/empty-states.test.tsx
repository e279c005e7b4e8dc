// @vitest-environment happy-dom
import { describe, expect, test, vi } from 'vitest';
import { QuickActions } from '@/components/QuickActions';
import { SearchPanel } from '@/components/SearchPanel';
import type { SearchPanelProps } from '@/components/SearchPanel';
import type { PersonView } from '@/lib/messaging/protocol';
import { click, mount } from './render';

function panel(overrides: Partial<SearchPanelProps>) {
  const props: SearchPanelProps = {
    query: '',
    settledQuery: '',
    results: [],
    onQueryChange: () => undefined,
    onOpenApp: () => undefined,
    onEmail: () => undefined,
    onCopy: async () => true,
    ...overrides,
  };
  return mount(<SearchPanel {...props} />);
}

describe('empty and no-result states', () => {
  test('before the first sync, quick actions say apps appear after it', () => {
    const root = mount(<QuickActions view={undefined} onOpen={() => undefined} onChange={() => undefined} />);
    expect(root.textContent).toContain('No apps yet. They appear after the first sync.');
  });

  test('with every app hidden, quick actions say so and offer to show them again', () => {
    const onChange = vi.fn();
    const root = mount(
      <QuickActions
        view={{ tiles: [], recent: [], hiddenCount: 3, hasApps: true }}
        onOpen={() => undefined}
        onChange={onChange}
      />,
    );
    expect(root.textContent).toContain('Every app is hidden from quick actions.');
    const button = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Show hidden apps (3)');
    click(button!);
    expect(onChange).toHaveBeenCalledWith({ op: 'unhideAll' });
  });

  test('an empty search box shows the keyboard hint and an empty, collapsed grid', () => {
    const root = panel({});
    const input = root.querySelector('[role="combobox"]')!;
    expect(input.getAttribute('aria-label')).toContain('Search');
    expect(input.getAttribute('aria-expanded')).toBe('false');
    expect(root.querySelector('#search-hint')?.textContent).toContain('Ctrl+Enter');
    expect(root.querySelector('.no-results')).toBeNull();
  });

  test('a settled query with no results says nothing matches, and how to do better', () => {
    const root = panel({ query: 'zzqx', settledQuery: 'zzqx' });
    expect(root.querySelector('.no-results')?.textContent).toBe(
      'Nothing matches "zzqx". Try fewer letters, or another spelling.',
    );
  });

  test('no "nothing matches" while the answer to the latest keystroke is still on its way', () => {
    const root = panel({ query: 'zzqx', settledQuery: 'zzq' });
    expect(root.querySelector('.no-results')).toBeNull();
  });

  test('without people search, no results says only apps were searched', () => {
    const root = panel({ query: 'ana', settledQuery: 'ana', appsOnly: true });
    expect(root.querySelector('[role="combobox"]')?.getAttribute('aria-label')).toBe('Search apps');
    expect(root.querySelector('.no-results')?.textContent).toContain('People search is not available');
  });

  test('before the first sync, no results says nothing is synced yet', () => {
    const root = panel({ query: 'ana', settledQuery: 'ana', notSynced: true });
    expect(root.querySelector('.no-results')?.textContent).toContain('Nothing is synced yet');
  });

  test('a person without an email has no email actions; namesakes are told apart by their facts', () => {
    const people: PersonView[] = [
      {
        kind: 'person',
        id: '00u1',
        displayName: 'Ana Ruiz',
        title: 'Engineer',
        location: 'Lyon',
        highlights: [],
      },
      {
        kind: 'person',
        id: '00u2',
        displayName: 'Ana Ruiz',
        title: 'Designer',
        location: 'Porto',
        email: 'ana.ruiz2@example.com',
        highlights: [[0, 3]],
      },
    ];
    const onEmail = vi.fn();
    const root = panel({ query: 'ana', settledQuery: 'ana', results: people, onEmail });
    const rows = [...root.querySelectorAll('[role="row"]')];
    expect(rows).toHaveLength(2);
    expect(rows[0]?.querySelector('button')).toBeNull();
    expect(rows[0]?.textContent).toContain('No email address');
    expect(rows[0]?.textContent).toContain('Engineer · Lyon');
    expect(rows[1]?.textContent).toContain('Designer · Porto');
    expect(rows[1]?.querySelector('button')?.getAttribute('aria-label')).toBe('Copy email of Ana Ruiz');
    expect(rows[1]?.querySelector('mark')?.textContent).toBe('Ana');
    click(rows[0]!.querySelector('[role="gridcell"]')!);
    expect(onEmail).not.toHaveBeenCalled();
    click(rows[1]!.querySelector('[role="gridcell"]')!);
    expect(onEmail).toHaveBeenCalledWith(people[1]);
  });
});
