// Licences: the terms assets are used under; one covers many assets, an asset holds many.
import { z } from 'zod';
import type { Licence } from '../rights-dto';
import { type } from '../phantom-type';
import { hasTarget, licenceFields, targetMessage, targets } from './rights-parts';
import { id } from './schema-parts';
import { lazyMethods } from './lazy-methods';

export type LicenceSummary = Licence & {
  /** How many assets it covers. */
  assets: number;
  /** Files of those assets still in packs (live usage rows). */
  packFiles: number;
  status: 'active' | 'expiring' | 'expired' | 'not-started';
};

const ends = (l: { startsOn: string | null; endsOn: string | null }) =>
  l.startsOn === null || l.endsOn === null || l.startsOn <= l.endsOn;
const endsMessage = { message: 'the licence ends before it starts' };

/**
 * What was accepted but may not be meant: channel ids no preset has (a licence may name a
 * channel before its preset exists, so they warn rather than refuse).
 */
export interface LicenceWarnings {
  warnings?: string[];
}

export const licencesMethods = lazyMethods(() => ({
  /** Every licence; `expiringDays`: only those ending within so many days (or ended). */
  'licences.list': {
    args: z.object({ expiringDays: z.number().int().min(0).max(36_500).optional() }).strict(),
    result: type<LicenceSummary[]>(),
  },
  'licences.create': {
    args: licenceFields.refine(ends, endsMessage),
    result: type<{ id: number } & LicenceWarnings>(),
  },
  /** Replaces a licence's terms (every field, as create takes them). */
  'licences.update': {
    args: licenceFields.extend({ id }).refine(ends, endsMessage),
    result: type<Licence & LicenceWarnings>(),
  },
  'licences.delete': { args: z.object({ id }).strict(), result: type<{ deleted: boolean }>() },
  'licences.attach': {
    args: z
      .object({ licenceId: id, ...targets })
      .strict()
      .refine(hasTarget, targetMessage),
    result: type<{ changed: number }>(),
  },
  'licences.detach': {
    args: z
      .object({ licenceId: id, ...targets })
      .strict()
      .refine(hasTarget, targetMessage),
    result: type<{ changed: number }>(),
  },
  /**
   * Sets the rights of assets: they hold exactly this licence afterwards (a licence with the
   * same terms is reused), their other licences detached. One transaction (`rights set`).
   */
  'licences.assign': {
    args: z
      .object({ licence: licenceFields.refine(ends, endsMessage), ...targets })
      .strict()
      .refine(hasTarget, targetMessage),
    result: type<
      { licenceId: number; assets: number; attached: number; detached: number } & LicenceWarnings
    >(),
  },
}));
