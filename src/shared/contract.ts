// The one contract: every engine method (name → arguments → result) and every event
// (name → payload). Hosts derive routes, IPC handlers and CLI calls from these maps;
// argument schemas are enforced at every host edge.
import { z } from 'zod';
import type { AppInfo, Asset, AssetPage, Catalog, JobProgress, ScanSummary } from './dto';
import { type } from './phantom-type';

export { eventNames, events, type EventName, type EventPayload, type Events } from './events';

const id = z.number().int().positive();
const empty = z.object({}).strict();

export const methods = {
  'app.info': { args: empty, result: type<AppInfo>() },

  /** Registers a folder and starts its first scan in the background. */
  'catalog.add': {
    args: z.object({ path: z.string().min(1).max(4096) }).strict(),
    result: type<Catalog>(),
  },
  'catalog.list': { args: empty, result: type<Catalog[]>() },
  'catalog.remove': {
    args: z.object({ id }).strict(),
    result: type<{ removed: boolean }>(),
  },
  /** Walks the catalog (or all), lists new files at once and queues them for indexing. */
  'catalog.scan': {
    args: z.object({ id: id.optional() }).strict(),
    result: type<{ listed: number; queued: number }>(),
  },

  'assets.list': {
    args: z
      .object({
        catalogId: id.optional(),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(5000).default(500),
        sort: z.enum(['name', 'size', 'added']).default('name'),
      })
      .strict(),
    result: type<AssetPage>(),
  },
  'assets.get': { args: z.object({ id }).strict(), result: type<Asset>() },

  /** Moves these assets to the front of the thumbnail queue (what is on screen). */
  'thumbs.prioritize': {
    args: z.object({ ids: z.array(id).max(2000) }).strict(),
    result: type<{ moved: number }>(),
  },

  'jobs.status': { args: empty, result: type<JobProgress>() },
  /** Resolves when the index queue is empty. */
  'jobs.wait': { args: empty, result: type<ScanSummary>() },
} as const;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type MethodArgs<M extends MethodName> = z.input<Methods[M]['args']>;
export type ParsedArgs<M extends MethodName> = z.output<Methods[M]['args']>;
export type MethodResult<M extends MethodName> = Methods[M]['result'];

/** What the engine implements: one async handler per method, on parsed arguments. */
export type Handlers = {
  [M in MethodName]: (args: ParsedArgs<M>) => Promise<MethodResult<M>>;
};

export const methodNames = Object.keys(methods) as MethodName[];

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(methods, name);
}
