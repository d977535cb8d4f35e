// Releases: model, property and minor releases, attached to the assets they cover.
import { z } from 'zod';
import { RELEASE_KINDS, type Release } from '../rights-dto';
import { type } from '../phantom-type';
import { day, hasTarget, targetMessage, targets } from './rights-parts';
import { empty, id } from './schema-parts';

export const releasesMethods = {
  /** Records a release and attaches it to the assets given (if any). */
  'releases.create': {
    args: z
      .object({
        kind: z.enum(RELEASE_KINDS),
        subject: z.string().trim().min(1).max(500).nullable().default(null),
        signedOn: day,
        expiresOn: day.nullable().default(null),
        restrictions: z.string().max(5000).nullable().default(null),
        documentPath: z.string().min(1).max(4096).nullable().default(null),
        ...targets,
      })
      .strict()
      .refine((r) => r.expiresOn === null || r.signedOn <= r.expiresOn, {
        message: 'the release expires before it was signed',
      }),
    result: type<{ id: number; attached: number }>(),
  },
  'releases.attach': {
    args: z
      .object({ releaseId: id, ...targets })
      .strict()
      .refine(hasTarget, targetMessage),
    result: type<{ changed: number }>(),
  },
  'releases.list': { args: empty, result: type<(Release & { assets: number })[]>() },
} as const;
