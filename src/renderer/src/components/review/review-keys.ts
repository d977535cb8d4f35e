// The Review view's keyboard. Culling's keys keep their sense where they overlap (X rejects,
// Ctrl/Cmd+Z undoes, Ctrl/Cmd+Shift+Z or Ctrl+Y redoes, Ctrl/Cmd+A selects all); A approves,
// R puts back in review; with Shift, each decides for every checked asset at once. Space
// checks or unchecks the asset in view, arrows (and J / K) move, C or / goes to the comment.
import { cullingAction, type KeyPress } from '../culling/culling-keys';
import type { Decision } from '../../store/review-store';

export type ReviewAction =
  | { kind: 'decide'; state: Decision; bulk: boolean }
  | { kind: 'move'; delta: number }
  | { kind: 'comment' }
  | { kind: 'check' }
  | { kind: 'checkAll' }
  | { kind: 'undo' }
  | { kind: 'redo' };

const DECISIONS: Readonly<Record<string, Decision>> = {
  a: 'approved',
  x: 'rejected',
  r: 'in-review',
};

const MOVES: Readonly<Record<string, number>> = {
  arrowleft: -1,
  arrowup: -1,
  k: -1,
  arrowright: 1,
  arrowdown: 1,
  j: 1,
};

/** The action of a key press in the Review view, or null when it is not one of its keys. */
export function reviewAction(press: KeyPress): ReviewAction | null {
  if (press.altKey) return null;
  if (press.ctrlKey || press.metaKey) {
    const action = cullingAction(press);
    if (action?.kind === 'undo' || action?.kind === 'redo') return action;
    if (action?.kind === 'selectAll') return { kind: 'checkAll' };
    return null;
  }
  const key = press.key.toLowerCase();
  const decision = DECISIONS[key];
  if (decision !== undefined) return { kind: 'decide', state: decision, bulk: press.shiftKey };
  if (press.shiftKey && key !== '/') return null;
  const delta = MOVES[key];
  if (delta !== undefined) return { kind: 'move', delta };
  if (key === 'c' || key === '/') return { kind: 'comment' };
  if (key === ' ') return { kind: 'check' };
  return null;
}
