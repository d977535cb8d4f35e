import type { CullingChange } from './culling-edits';

/** The name of an undo step, as a menu would show it: "Rate 4 stars (12 assets)". */
export function describeEdit(change: CullingChange, count: number): string {
  const parts: string[] = [];
  if (change.rating !== undefined) {
    parts.push(
      change.rating === 0
        ? 'Clear rating'
        : `Rate ${change.rating} star${change.rating === 1 ? '' : 's'}`,
    );
  }
  if (change.flag !== undefined) {
    parts.push(change.flag === 'none' ? 'Unflag' : change.flag === 'pick' ? 'Pick' : 'Reject');
  }
  if (change.label !== undefined)
    parts.push(change.label === null ? 'Clear label' : `Label ${change.label}`);
  return `${parts.join(', ')} (${count} asset${count === 1 ? '' : 's'})`;
}
