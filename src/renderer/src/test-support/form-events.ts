// User actions on form controls, as React sees them from a real browser.
import { act } from 'react';
import { flush } from './render';

/** Sets a control's value the way a user's edit does (through the native setter). */
export function setValue(
  element: Element | null,
  value: string,
  event: 'input' | 'change' = 'input',
): void {
  if (!(element instanceof HTMLElement)) throw new Error('no control to set');
  const proto = Object.getPrototypeOf(element) as object;
  const descriptor = Object.getOwnPropertyDescriptor(proto, 'value');
  act(() => {
    descriptor?.set?.call(element, value);
    element.dispatchEvent(new Event(event, { bubbles: true }));
  });
}

export async function click(element: Element | null | undefined): Promise<void> {
  if (!(element instanceof HTMLElement)) throw new Error('nothing to click');
  act(() => element.click());
  await flush();
}

/** Submits a form as pressing Enter in it does. */
export async function submit(form: Element | null): Promise<void> {
  if (!(form instanceof HTMLFormElement)) throw new Error('no form to submit');
  act(() => {
    form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  });
  await flush();
}

/** Finds a button by its visible text or aria-label. */
export function button(root: ParentNode, name: string): HTMLButtonElement {
  const found = [...root.querySelectorAll('button')].find(
    (b) => b.textContent?.trim() === name || b.getAttribute('aria-label') === name,
  );
  if (!found) throw new Error(`no button '${name}'`);
  return found;
}
