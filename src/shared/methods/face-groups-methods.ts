// "Same person" groups made from face descriptors across the library: named, merged and
// split by the user; a release attached to a group covers every photo of that person.
import { z } from 'zod';
import type { FaceGroup } from '../ai-dto';
import { type } from '../phantom-type';
import { empty, id } from './schema-parts';
import { lazyMethods } from './lazy-methods';

const name = z.string().trim().min(1).max(200);

export const faceGroupsMethods = lazyMethods(() => ({
  /** Groups with a face, the largest first; each with its cover face's box for the UI to crop. */
  'faceGroups.list': { args: empty, result: type<FaceGroup[]>() },
  /** The assets whose faces are in the group, in library order. */
  'faceGroups.assets': { args: z.object({ id }).strict(), result: type<number[]>() },
  'faceGroups.rename': {
    args: z.object({ id, name: name.nullable() }).strict(),
    result: type<FaceGroup>(),
  },
  /** Moves every face of `from` into `into`; `from` is gone. */
  'faceGroups.merge': {
    args: z.object({ into: id, from: z.array(id).min(1).max(1000) }).strict(),
    result: type<FaceGroup>(),
  },
  /**
   * Moves the faces named out into a new group (not this person), pinned there; their photos
   * lose the group's releases unless another face in them is in a group holding them.
   */
  'faceGroups.split': {
    args: z.object({ id, faceIds: z.array(id).min(1).max(10_000) }).strict(),
    result: type<FaceGroup>(),
  },
  /**
   * Links a release to every asset with a face in the group (one undo step, audited), now
   * and when more join; `assets`: the group's assets.
   */
  'faceGroups.attachRelease': {
    args: z.object({ id, releaseId: id }).strict(),
    result: type<{ assets: number }>(),
  },
}));
