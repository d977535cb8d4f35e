// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { blockingDialogOpen, cullingAction, isTypingTarget, type KeyPress } from './culling-keys';

const press = (key: string, mods: Partial<KeyPress> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('cullingAction', () => {
  it('maps 0–5 to ratings, P/X/U to flags and 6–9 to Lightroom’s labels', () => {
    for (const n of [0, 1, 2, 3, 4, 5]) {
      expect(cullingAction(press(String(n)))).toEqual({ kind: 'cull', change: { rating: n } });
    }
    expect(cullingAction(press('p'))).toEqual({ kind: 'cull', change: { flag: 'pick' } });
    expect(cullingAction(press('P', { shiftKey: true }))).toEqual({
      kind: 'cull',
      change: { flag: 'pick' },
    });
    expect(cullingAction(press('x'))).toEqual({ kind: 'cull', change: { flag: 'reject' } });
    expect(cullingAction(press('u'))).toEqual({ kind: 'cull', change: { flag: 'none' } });
    expect(['6', '7', '8', '9'].map((k) => cullingAction(press(k)))).toEqual([
      { kind: 'label', label: 'red' },
      { kind: 'label', label: 'yellow' },
      { kind: 'label', label: 'green' },
      { kind: 'label', label: 'blue' },
    ]);
  });

  it('undoes with Ctrl/Cmd+Z and redoes with Ctrl/Cmd+Shift+Z or Ctrl+Y', () => {
    expect(cullingAction(press('z', { ctrlKey: true }))).toEqual({ kind: 'undo' });
    expect(cullingAction(press('z', { metaKey: true }))).toEqual({ kind: 'undo' });
    expect(cullingAction(press('Z', { ctrlKey: true, shiftKey: true }))).toEqual({ kind: 'redo' });
    expect(cullingAction(press('Z', { metaKey: true, shiftKey: true }))).toEqual({ kind: 'redo' });
    expect(cullingAction(press('y', { ctrlKey: true }))).toEqual({ kind: 'redo' });
    expect(cullingAction(press('a', { ctrlKey: true }))).toEqual({ kind: 'selectAll' });
  });

  it('leaves other keys and modified culling keys alone', () => {
    expect(cullingAction(press('5', { ctrlKey: true }))).toBeNull();
    expect(cullingAction(press('p', { altKey: true }))).toBeNull();
    expect(cullingAction(press('q'))).toBeNull();
    expect(cullingAction(press('ArrowRight'))).toBeNull();
    expect(cullingAction(press('z', { ctrlKey: true, altKey: true }))).toBeNull();
  });
});

describe('isTypingTarget', () => {
  it('is true in text fields, textareas, selects and editable content only', () => {
    const text = document.createElement('input');
    const search = Object.assign(document.createElement('input'), { type: 'search' });
    const box = Object.assign(document.createElement('input'), { type: 'checkbox' });
    const editable = document.createElement('div');
    editable.contentEditable = 'true';
    // jsdom does not compute isContentEditable.
    Object.defineProperty(editable, 'isContentEditable', { value: true });
    expect(isTypingTarget(text)).toBe(true);
    expect(isTypingTarget(search)).toBe(true);
    expect(isTypingTarget(document.createElement('textarea'))).toBe(true);
    expect(isTypingTarget(document.createElement('select'))).toBe(true);
    expect(isTypingTarget(editable)).toBe(true);
    expect(isTypingTarget(box)).toBe(false);
    expect(isTypingTarget(document.createElement('div'))).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});

describe('blockingDialogOpen', () => {
  it('is true for a dialog, false for none and for the loupe-like culling dialogs', () => {
    const root = document.createElement('div');
    expect(blockingDialogOpen(root)).toBe(false);
    root.innerHTML = '<div role="dialog" data-culling-keys></div>';
    expect(blockingDialogOpen(root)).toBe(false);
    root.innerHTML += '<div role="dialog" aria-modal="true"></div>';
    expect(blockingDialogOpen(root)).toBe(true);
  });
});
