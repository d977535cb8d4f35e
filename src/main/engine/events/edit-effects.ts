import type { EditResult } from '../../../shared/dto';
import type { EventBus } from './event-bus';

export interface EditEffectParts {
  bus: EventBus;
  /** Checkpoints the WAL once the edit has answered. */
  checkpointSoon(): void;
  /** Writes the touched assets' tags, rating and label back to XMP, off the edit's path. */
  writeBack(ids: readonly number[]): void;
}

/** After any edit: lists refetch, the keyword panel too when tags changed, XMP follows. */
export function editEffects(parts: EditEffectParts) {
  return <R extends EditResult>(
    result: R,
    tagsChanged: boolean,
    touched: readonly number[] = [],
  ): R => {
    if (result.changed > 0) {
      parts.bus.emit('assets.changed', { catalogId: null });
      parts.checkpointSoon();
      // Write-back runs after the edit is saved; a failure is logged, never lost data.
      if (touched.length > 0) parts.writeBack(touched);
    }
    if (tagsChanged) parts.bus.emit('tags.changed', {});
    return result;
  };
}
