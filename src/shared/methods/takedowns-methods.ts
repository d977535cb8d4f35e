// The takedown list: files still in packs whose licence ends within N days (or has ended).
import { z } from 'zod';
import type { TakedownRow } from '../usage-dto';
import { type } from '../phantom-type';
import { lazyMethods } from './lazy-methods';

const days = z.number().int().min(0).max(3650).default(30);

export const takedownsMethods = lazyMethods(() => ({
  'takedowns.list': { args: z.object({ days }).strict(), result: type<TakedownRow[]>() },
  /** The same list as CSV text, for a host that cannot write where the user is (a browser). */
  'takedowns.csv': {
    args: z.object({ days }).strict(),
    result: type<{ csv: string; rows: number }>(),
  },
  /** The same list written as a CSV (atomically; an existing file only with `force`). */
  'takedowns.writeCsv': {
    args: z
      .object({ days, path: z.string().min(1).max(4096), force: z.boolean().default(false) })
      .strict(),
    result: type<{ path: string; rows: number }>(),
  },
}));
