// Releases: model, property and minor releases, attached to the assets they cover.
import { z } from 'zod';
import { RELEASE_KINDS, type Release } from '../rights-dto';
import { type } from '../phantom-type';
import { day, hasTarget, targetMessage, targets } from './rights-parts';
import { empty, id } from './schema-parts';
import { lazyMethods } from './lazy-methods';

const releaseFields = {
  kind: z.enum(RELEASE_KINDS),
  subject: z.string().trim().min(1).max(500).nullable().default(null),
  signedOn: day,
  expiresOn: day.nullable().default(null),
  restrictions: z.string().max(5000).nullable().default(null),
  documentPath: z.string().min(1).max(4096).nullable().default(null),
};
const signedFirst = (r: { signedOn: string; expiresOn: string | null }) =>
  r.expiresOn === null || r.signedOn <= r.expiresOn;
const signedMessage = { message: 'the release expires before it was signed' };

export const releasesMethods = lazyMethods(() => ({
  /** Records a release and attaches it to the assets given (if any). */
  'releases.create': {
    args: z
      .object({ ...releaseFields, ...targets })
      .strict()
      .refine(signedFirst, signedMessage),
    result: type<{ id: number; attached: number }>(),
  },
  /** Replaces a release's terms (every field, as create takes them); its assets stay. */
  'releases.update': {
    args: z
      .object({ id, ...releaseFields })
      .strict()
      .refine(signedFirst, signedMessage),
    result: type<Release>(),
  },
  'releases.delete': { args: z.object({ id }).strict(), result: type<{ deleted: boolean }>() },
  'releases.attach': {
    args: z
      .object({ releaseId: id, ...targets })
      .strict()
      .refine(hasTarget, targetMessage),
    result: type<{ changed: number }>(),
  },
  'releases.list': { args: empty, result: type<(Release & { assets: number })[]>() },
}));
