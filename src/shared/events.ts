// Every engine event (name → payload). Kept apart from the method schemas so the page can
// list event names without loading the validation library.
import type { JobProgress, PlaceholderReady, ThumbReady } from './dto';
import type { ExportProgress } from './export-dto';
import type { JobInfo } from './job-dto';
import { type } from './phantom-type';

export const events = {
  'jobs.progress': type<JobProgress>(),
  /** A durable job was added, moved on (throttled), ended; null: reread the list. */
  'jobs.changed': type<{ job: JobInfo | null }>(),
  'catalogs.changed': type<Record<string, never>>(),
  /**
   * New or removed rows: lists should refetch. only 'ai': the offline AI wrote results and
   * nothing else moved (rows, their fields and badges): only lists whose search reads AI
   * results (free words, ai:, ~, faces) refetch.
   */
  'assets.changed': type<{ catalogId: number | null; only?: 'ai' }>(),
  /** Tags were created, renamed, moved, merged or their counts changed. */
  'tags.changed': type<Record<string, never>>(),
  /** Products, their links or rules changed: product views refetch. */
  'products.changed': type<Record<string, never>>(),
  /** A channel-pack export job moved on (throttled), or ended. */
  'exports.progress': type<ExportProgress>(),
  /** A preset was saved, copied or deleted: preset lists refetch. */
  'presets.changed': type<Record<string, never>>(),
  /** Collections were created, renamed, deleted or their members changed. */
  'collections.changed': type<Record<string, never>>(),
  /** Spins were made, edited or dissolved: grids and spin viewers refetch. */
  'spins.changed': type<Record<string, never>>(),
  /** The offline AI wrote results or decisions for these assets (empty: any): AI views refetch. */
  'analyses.changed': type<{ assetIds: number[] }>(),
  /** Face groups were made, grown, renamed, merged or split, or given a release. */
  'faceGroups.changed': type<Record<string, never>>(),
  /** Per-asset index results, batched. */
  'assets.indexed': type<{ items: ThumbReady[] }>(),
  /** Placeholders a quick look made before the full index, batched: paint them in place. */
  'assets.placeholders': type<{ items: PlaceholderReady[] }>(),
  /** The daily rights job saw licences newly expired or newly within their warning window. */
  'rights.changed': type<{
    expired: number;
    expiring: number;
    newlyExpired: number;
    newlyExpiring: number;
    /** The licence ids behind the two counts above (webhooks name them). */
    newly?: { expired: number[]; expiring: number[] };
  }>(),
} as const;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = Events[E];

export const eventNames = Object.keys(events) as EventName[];
