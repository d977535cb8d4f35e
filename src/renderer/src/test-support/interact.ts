// What a user does to form controls, as React sees it: values set through the element's
// own setter (React tracks it) and the events a browser fires, inside act().
import { act } from 'react';
import { settle } from './fake-transport';

/** Types `value` into a text or number input, replacing what was there. */
export function typeInto(input: HTMLElement, value: string): void {
  if (!(input instanceof HTMLInputElement)) throw new Error('typeInto needs an <input>');
  act(() => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

/** Picks the option with `value` in a <select>. */
export function choose(select: HTMLElement, value: string): void {
  if (!(select instanceof HTMLSelectElement)) throw new Error('choose needs a <select>');
  act(() => {
    Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value')?.set?.call(select, value);
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

/** Clicks, then lets the calls it makes answer and React re-render. */
export async function press(element: HTMLElement): Promise<void> {
  await act(async () => {
    element.click();
    await settle();
  });
}

/** The control a <label> with exactly this text names, under `root`. */
export function labelled(root: ParentNode, text: string): HTMLElement {
  const label = [...root.querySelectorAll('label')].find(
    (l) => l.textContent?.trim() === text || l.firstChild?.textContent?.trim() === text,
  );
  const control = label?.control ?? null;
  if (control === null) throw new Error(`no control labelled "${text}"`);
  return control;
}
