import { render } from 'preact';
import type { VNode } from 'preact';
import { act } from 'preact/test-utils';

/** Renders a component into a fresh container in the test's DOM; returns the container. */
export function mount(vnode: VNode): HTMLElement {
  document.body.replaceChildren();
  const container = document.createElement('div');
  document.body.append(container);
  act(() => render(vnode, container));
  return container;
}

/** Re-renders into the same container. */
export function rerender(container: HTMLElement, vnode: VNode): void {
  act(() => render(vnode, container));
}

/** Dispatches a keyboard event on an element, inside act(). */
export function press(target: Element, key: string, init: KeyboardEventInit = {}): void {
  act(() => {
    target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init }));
  });
}

/** Clicks an element, inside act(). */
export function click(target: Element): void {
  act(() => {
    (target as HTMLElement).click();
  });
}
