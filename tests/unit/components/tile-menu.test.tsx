// @vitest-environment happy-dom
import { render } from 'preact';
import { describe, expect, test } from 'vitest';
import { TileMenu } from '@/components/TileMenu';

describe("a tile's menu", () => {
  test('has its first item focused as soon as it is shown, so a key pressed at once acts in the menu', () => {
    document.body.replaceChildren();
    const container = document.createElement('div');
    document.body.append(container);
    const items = ['Pin', 'Move later', 'Hide from quick actions'].map((label) => ({
      label,
      onSelect: () => undefined,
    }));
    // No act(): what the page has the moment the menu is rendered, before any later frame.
    render(<TileMenu appLabel="Slack" open items={items} onOpenChange={() => undefined} />, container);
    expect((document.activeElement as HTMLElement | null)?.textContent).toBe('Pin');
    render(null, container);
  });
});
