// The one contract: every engine method (name → arguments → result) and every event
// (name → payload). Hosts derive routes, IPC handlers and CLI calls from these maps;
// argument schemas are enforced at every host edge.
import { z } from 'zod';
import { LABELS } from './dto';
import type {
  AppInfo,
  EditResult,
  SimilarGroup,
  Tag,
  AssetDetail,
  AssetPage,
  Catalog,
  FolderNode,
  JobProgress,
  PreviewReady,
  ScanSummary,
} from './dto';
import { type } from './phantom-type';

export { eventNames, events, type EventName, type EventPayload, type Events } from './events';

const id = z.number().int().positive();
const empty = z.object({}).strict();
const tagPath = z.string().min(1).max(1000);

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
  /** Sets a catalog's ignore patterns (rescans it) and XMP write-back. */
  'catalog.configure': {
    args: z
      .object({
        id,
        ignore: z.array(z.string().min(1).max(500)).max(200).optional(),
        xmp: z.enum(['off', 'sidecar', 'embedded']).optional(),
        xmpNaming: z.enum(['adobe', 'extension']).optional(),
      })
      .strict(),
    result: type<Catalog>(),
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
        sort: z.enum(['name', 'captured', 'added', 'size']).default('name'),
        /** Only this folder and below ('' or absent: the whole catalog). Needs catalogId. */
        folder: z.string().max(4096).optional(),
        /** Only these formats (as in Asset.format, e.g. 'jpeg', 'cr2'). */
        formats: z.array(z.string().min(1).max(20)).max(50).optional(),
        filter: z.enum(['all', 'missing', 'errors', 'duplicates', 'offline']).default('all'),
        /** The search language: words, field:value, width>=2000, AND / OR / NOT, ( ). */
        query: z.string().max(2000).optional(),
      })
      .strict(),
    result: type<AssetPage>(),
  },
  'assets.get': { args: z.object({ id }).strict(), result: type<AssetDetail>() },
  /** Every folder of a catalog (or all) that holds assets, with counts including subfolders. */
  'folders.list': {
    args: z.object({ catalogId: id.optional() }).strict(),
    result: type<FolderNode[]>(),
  },
  /** Rates, flags or labels many assets as one undoable step. */
  'assets.edit': {
    args: z
      .object({
        ids: z.array(id).min(1).max(200_000),
        rating: z.number().int().min(0).max(5).optional(),
        flag: z.enum(['none', 'pick', 'reject']).optional(),
        label: z.enum(LABELS).nullable().optional(),
      })
      .strict()
      .refine((a) => a.rating !== undefined || a.flag !== undefined || a.label !== undefined, {
        message: 'give a rating, a flag or a label',
      }),
    result: type<EditResult>(),
  },
  /** Same as assets.edit, for every asset a search query finds (the CLI's bulk edits). */
  'assets.editQuery': {
    args: z
      .object({
        query: z.string().max(2000),
        rating: z.number().int().min(0).max(5).optional(),
        flag: z.enum(['none', 'pick', 'reject']).optional(),
        label: z.enum(LABELS).nullable().optional(),
      })
      .strict(),
    result: type<EditResult>(),
  },
  'tags.list': { args: empty, result: type<Tag[]>() },
  /** Tags assets with a tag path ('Product|Shoes|Sneakers'), creating it: one undoable step. */
  'tags.apply': {
    args: z.object({ ids: z.array(id).min(1).max(200_000), path: tagPath }).strict(),
    result: type<EditResult>(),
  },
  'tags.remove': {
    args: z.object({ ids: z.array(id).min(1).max(200_000), tagId: id }).strict(),
    result: type<EditResult>(),
  },
  /** tags.apply / tags.remove over every asset a search query finds (the CLI's bulk edits). */
  'tags.applyQuery': {
    args: z
      .object({ query: z.string().max(2000), path: tagPath, remove: z.boolean().default(false) })
      .strict(),
    result: type<EditResult>(),
  },
  'tags.rename': {
    args: z.object({ id, name: z.string().min(1).max(200) }).strict(),
    result: type<EditResult>(),
  },
  /** Moves a tag under another (parentId 0: to the top level). */
  'tags.move': {
    args: z.object({ id, parentId: z.number().int().min(0) }).strict(),
    result: type<EditResult>(),
  },
  /** Every asset tagged `from` gets `into`; `from`'s children move under `into`; `from` goes. */
  'tags.merge': { args: z.object({ from: id, into: id }).strict(), result: type<EditResult>() },
  /** A keyword list as Lightroom exports it: one per line, children tab-indented. */
  'tags.import': {
    args: z.object({ text: z.string().max(5_000_000) }).strict(),
    result: type<{ created: number; total: number }>(),
  },
  /** Groups of near-duplicates, largest first. */
  'similar.groups': { args: empty, result: type<SimilarGroup[]>() },
  /** Picks the best frame of a group and rejects the rest, as one undoable step. */
  'similar.keepBest': { args: z.object({ group: id }).strict(), result: type<EditResult>() },
  'edits.undo': { args: empty, result: type<EditResult>() },
  'edits.redo': { args: empty, result: type<EditResult>() },
  /** Renders (or finds cached) the ~2048 px loupe preview of an asset. */
  'previews.ensure': { args: z.object({ id }).strict(), result: type<PreviewReady>() },

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
