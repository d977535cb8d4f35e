// The culling keyboard, as photographers know it from Lightroom: 0–5 rate, P / X / U pick,
// reject, unflag, 6–9 colour labels (red, yellow, green, blue); Ctrl/Cmd+Z undo,
// Ctrl/Cmd+Shift+Z or Ctrl+Y redo; Ctrl/Cmd+A select all; C compare.
import type { ColorLabel } from '../../../../shared/dto';
import type { CullChange } from '../../store/edits-store';

export type CullingAction =
  | { kind: 'cull'; change: CullChange }
  | { kind: 'label'; label: ColorLabel }
  | { kind: 'undo' }
  | { kind: 'redo' }
  | { kind: 'selectAll' }
  | { kind: 'compare' };

export type KeyPress = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>;

/** Lightroom's mapping of the keys 6–9. */
export const LABEL_KEYS: Readonly<Record<string, ColorLabel>> = {
  '6': 'red',
  '7': 'yellow',
  '8': 'green',
  '9': 'blue',
};

/** The action of a key press, or null when it is not a culling key. */
export function cullingAction(press: KeyPress): CullingAction | null {
  const key = press.key.toLowerCase();
  if (press.altKey) return null;
  if (press.ctrlKey || press.metaKey) {
    if (key === 'z') return press.shiftKey ? { kind: 'redo' } : { kind: 'undo' };
    if (key === 'y' && !press.shiftKey) return { kind: 'redo' };
    if (key === 'a' && !press.shiftKey) return { kind: 'selectAll' };
    return null;
  }
  if (/^[0-5]$/.test(key)) return { kind: 'cull', change: { rating: Number(key) } };
  const label = LABEL_KEYS[key];
  if (label !== undefined) return { kind: 'label', label };
  switch (key) {
    case 'p':
      return { kind: 'cull', change: { flag: 'pick' } };
    case 'x':
      return { kind: 'cull', change: { flag: 'reject' } };
    case 'u':
      return { kind: 'cull', change: { flag: 'none' } };
    case 'c':
      return { kind: 'compare' };
    default:
      return null;
  }
}

/** Whether keys typed at `target` are text for a field, not commands. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return !NON_TEXT_INPUTS.has(target.type);
  return false;
}

const NON_TEXT_INPUTS = new Set([
  'checkbox',
  'radio',
  'button',
  'submit',
  'reset',
  'range',
  'color',
]);

/**
 * Whether a dialog is open that owns the keyboard. The loupe and the compare view are
 * dialogs too, but culling is what they are for: they carry data-culling-keys.
 */
export function blockingDialogOpen(root: ParentNode): boolean {
  return (
    root.querySelector(
      '[role="dialog"]:not([data-culling-keys]), [role="alertdialog"], dialog[open]',
    ) !== null
  );
}
