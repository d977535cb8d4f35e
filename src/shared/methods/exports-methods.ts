// Channel packs: pre-flight checks, and export jobs that write a pack into a folder.
import { z } from 'zod';
import {
  FAILURE_POLICIES,
  type ExportJob,
  type ExportSummary,
  type PreflightReport,
} from '../export-dto';
import { type } from '../phantom-type';
import { territory } from '../territories';
import { id, searchQuery } from './schema-parts';
import { lazyMethods } from './lazy-methods';

/** Preset ids or channel ids ('amazon' means amazon-main and amazon-additional). */
const channels = z.array(z.string().min(1).max(64)).min(1).max(100);
/**
 * Which products: the search language, true of the product (SKU, name) or of one of its
 * linked files (README, "Channel packs"); absent or blank: all.
 */
const selection = {
  channels,
  query: searchQuery.optional(),
  productIds: z.array(id).max(100_000).optional(),
  /** Only images approved for their current content; the rest are blocked (`--approved-only`). */
  approvedOnly: z.boolean().optional(),
  /** The rights check for this territory (ISO 3166-1 alpha-2) instead of the presets' own. */
  territory: territory.optional(),
};
const jobId = z.string().min(1).max(100);

export const exportsMethods = lazyMethods(() => ({
  /** Pre-flight: every product × preset × image against the channel's rules. Changes nothing. */
  'exports.check': { args: z.object(selection).strict(), result: type<PreflightReport>() },
  /**
   * Starts writing a pack into `out` (any folder; created if missing). Returns at once;
   * progress comes as 'exports.progress' events, the end with exports.wait or exports.status.
   */
  'exports.start': {
    args: z
      .object({
        ...selection,
        out: z.string().min(1).max(4096),
        failures: z.enum(FAILURE_POLICIES).default('skip'),
        dryRun: z.boolean().default(false),
        /** Prefix for 'Image Src' in the Shopify CSV; default: the file's path in the pack. */
        baseUrl: z.string().max(2000).optional(),
      })
      .strict(),
    result: type<ExportJob>(),
  },
  'exports.cancel': { args: z.object({ jobId }).strict(), result: type<{ cancelled: boolean }>() },
  /** One job, or (no jobId) every job of this session, newest first. */
  'exports.status': {
    args: z.object({ jobId: jobId.optional() }).strict(),
    result: type<ExportJob[]>(),
  },
  /** Resolves with the summary when the job ends. */
  'exports.wait': { args: z.object({ jobId }).strict(), result: type<ExportSummary>() },
}));
