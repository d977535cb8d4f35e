// HTML5 drag-and-drop for jsdom, which has neither DataTransfer nor DragEvent: a
// DataTransfer that keeps what is set, and events that carry it the way browsers do.
import { act } from 'react';

export class FakeDataTransfer {
  private readonly data = new Map<string, string>();
  effectAllowed = 'uninitialized';
  dropEffect = 'none';
  /** Files from the OS, for drops from a file manager. */
  files: File[] = [];

  get types(): string[] {
    return [...this.data.keys(), ...(this.files.length > 0 ? ['Files'] : [])];
  }

  setData(type: string, value: string): void {
    this.data.set(type, value);
  }

  getData(type: string): string {
    return this.data.get(type) ?? '';
  }

  static withFiles(files: File[]): FakeDataTransfer {
    const transfer = new FakeDataTransfer();
    transfer.files = files;
    return transfer;
  }
}

export type DragEventName = 'dragstart' | 'dragover' | 'dragleave' | 'drop';

/** Fires one drag event on `target`; returns whether a handler accepted it (preventDefault). */
export function fireDrag(
  target: Element,
  name: DragEventName,
  transfer: FakeDataTransfer,
  clientX = 0,
): boolean {
  const event = new Event(name, { bubbles: true, cancelable: true });
  Object.defineProperty(event, 'dataTransfer', { value: transfer });
  Object.defineProperty(event, 'clientX', { value: clientX });
  act(() => {
    target.dispatchEvent(event);
  });
  return event.defaultPrevented;
}

/** A whole drag from `source` to `target`, as a user makes it: start, over, drop. */
export function dragAndDrop(source: Element, target: Element, clientX = 0): FakeDataTransfer {
  const transfer = new FakeDataTransfer();
  fireDrag(source, 'dragstart', transfer);
  // Browsers hide the data until the drop; over-handlers must decide on types alone.
  fireDrag(target, 'dragover', transfer, clientX);
  fireDrag(target, 'drop', transfer, clientX);
  return transfer;
}
