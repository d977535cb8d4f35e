// Minimal React test harness (no testing-library here): mount into jsdom inside act(), with
// the app's services, plus layout stubs, since jsdom does no layout and the virtualizer
// renders nothing in a zero-sized box.
import { act, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { AppProvider, type AppServices } from '../app-context';
import { settle } from './fake-transport';

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean | undefined;
}
globalThis.IS_REACT_ACT_ENVIRONMENT = true;

export interface Mounted {
  container: HTMLElement;
  unmount(): void;
}

export async function mount(ui: ReactNode, services: AppServices): Promise<Mounted> {
  const container = document.createElement('div');
  document.body.appendChild(container);
  const root = createRoot(container);
  await act(async () => {
    root.render(<AppProvider services={services}>{ui}</AppProvider>);
    await settle();
  });
  return {
    container,
    unmount() {
      act(() => root.unmount());
      container.remove();
    },
  };
}

/** A bare root (no app services) for one component, rendered again with each `show`. */
export function mountBare(): Mounted & { show(ui: ReactNode): void } {
  const container = document.createElement('div');
  document.body.appendChild(container);
  const root = createRoot(container);
  return {
    container,
    show: (ui) => act(() => root.render(ui)),
    unmount() {
      act(() => root.unmount());
      container.remove();
    },
  };
}

/** Lets replies land and React re-render. */
export async function flush(): Promise<void> {
  await act(async () => {
    await settle();
  });
}

/**
 * Gives every element a size (jsdom reports 0), a scroll height (that of its first child's
 * inline height, as the grid's canvas sets it; scrolls are clamped to it) and
 * element.scrollTo (jsdom has none). Returns the function that puts the originals back.
 */
export function stubLayout(width: number, height: number): () => void {
  const proto = HTMLElement.prototype;
  const saved = (['clientWidth', 'clientHeight', 'scrollHeight'] as const).map(
    (key) => [key, Object.getOwnPropertyDescriptor(proto, key)] as const,
  );
  const savedScrollTo = Object.getOwnPropertyDescriptor(proto, 'scrollTo');
  Object.defineProperty(proto, 'clientWidth', { configurable: true, get: () => width });
  Object.defineProperty(proto, 'clientHeight', { configurable: true, get: () => height });
  Object.defineProperty(proto, 'scrollHeight', {
    configurable: true,
    get(this: HTMLElement) {
      const child = this.firstElementChild;
      const inner = child instanceof HTMLElement ? parseFloat(child.style.height) : NaN;
      return Number.isFinite(inner) ? Math.max(inner, height) : height;
    },
  });
  Object.defineProperty(proto, 'scrollTo', {
    configurable: true,
    writable: true,
    value(this: HTMLElement, options?: ScrollToOptions) {
      if (options?.top !== undefined) this.scrollTop = options.top;
      // Browsers fire scroll events later, never inside the caller's stack.
      setTimeout(() => this.dispatchEvent(new Event('scroll')), 0);
    },
  });
  return () => {
    for (const [key, descriptor] of saved) {
      if (descriptor) Object.defineProperty(proto, key, descriptor);
      else delete (proto as unknown as Record<string, unknown>)[key];
    }
    if (savedScrollTo) Object.defineProperty(proto, 'scrollTo', savedScrollTo);
    else delete (proto as unknown as Record<string, unknown>).scrollTo;
  };
}

export function byTestId(root: ParentNode, id: string): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`)];
}

export function oneByTestId(root: ParentNode, id: string): HTMLElement {
  const found = byTestId(root, id);
  if (found.length !== 1)
    throw new Error(`expected one [data-testid="${id}"], found ${found.length}`);
  return found[0] as HTMLElement;
}
