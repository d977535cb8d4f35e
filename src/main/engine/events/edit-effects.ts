import type { EditResult } from '../../../shared/dto';
import type { EventBus } from './event-bus';

export interface EditEffectParts {
  bus: EventBus;
  /** Checkpoints the WAL once the edit has answered. */
  checkpointSoon(): void;
}

/**
 * After any edit: lists refetch, the keyword panel too when tags changed. XMP write-back
 * is not here: the edit log queues it inside the edit's own transaction.
 */
export function editEffects(parts: EditEffectParts) {
  return <R extends EditResult>(result: R, tagsChanged: boolean): R => {
    if (result.changed > 0) {
      parts.bus.emit('assets.changed', { catalogId: null });
      parts.checkpointSoon();
    }
    if (tagsChanged) parts.bus.emit('tags.changed', {});
    return result;
  };
}
