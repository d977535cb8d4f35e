// Bursts and near-duplicates: groups of frames whose perceptual hashes are close, and
// keeping the best of a group.
import { z } from 'zod';
import type { EditResult, SimilarGroup } from '../dto';
import { type } from '../phantom-type';
import { id, empty } from './schema-parts';
import { lazyMethods } from './lazy-methods';

export const burstsMethods = lazyMethods(() => ({
  /** Groups of near-duplicates, largest first. */
  'bursts.list': { args: empty, result: type<SimilarGroup[]>() },
  /** Picks the best frame of a group and rejects the rest, as one undoable step. */
  'bursts.keepBest': { args: z.object({ group: id }).strict(), result: type<EditResult>() },
}));
