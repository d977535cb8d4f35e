// Renditions by URL: resolve the asset (its current content), check its rights for the
// channel named, map the transform onto the export engine's RenderOptions, and answer a
// cached file or render it once (single flight, at most `concurrency` at a time) from the
// same source reading and renderer the channel packs use.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { OutputFormat } from '../../../shared/export-dto';
import type { RightsReason } from '../../../shared/rights-dto';
import { pickFormat, type Transform } from '../../../shared/transform-grammar';
import type { Db } from '../db/open-database';
import { OverridesRepo } from '../repositories/overrides-repo';
import { PresetRepo } from '../repositories/preset-repo';
import { RenditionSourceRepo, type RenditionSource } from '../repositories/rendition-source-repo';
import { licenceEnd } from '../../../shared/media-text';
import { loadRightsFacts } from '../repositories/rights-facts';
import { checkRightsIn } from '../rights/check-rights';
import { mediumOf } from '../rights/channel-medium';
import { today } from '../rights/licence-dates';
import { readRights, readsOwnRights } from '../tools/render/color';
import { EXTENSIONS, prepareSource, renderRendition } from '../tools/render/render-rendition';
import { RENDER_VERSION, renderKey, type RenderOptions } from '../tools/render/render-options';
import type { RenditionCache } from './rendition-cache';
import { renditionOptions } from './rendition-options';
import { Limiter, SingleFlight } from './single-flight';

export interface RenditionRequest {
  assetId: number;
  /** Normalised (transform-grammar's parseRenditionPath). */
  transform: Transform;
  /** The normalised transform's text. */
  canonical: string;
  /** The request's Accept header, for f_auto. */
  accept?: string;
  /** `?channel=`: the use the rights check is for (a preset implies its own). */
  channel?: string | null;
}

export type RenditionAnswer =
  | {
      kind: 'file';
      file: string;
      /** The cache key: sha256 of content, renderer version, transform and format. */
      etag: string;
      contentType: string;
      bytes: number;
      format: OutputFormat;
      cache: 'hit' | 'miss' | 'joined';
      /** The asset's current content version (its hash's first 16 hex digits). */
      version: string;
      /** The last day its licences allow ('YYYY-MM-DD'), null when none ends: caches stop there. */
      until: string | null;
    }
  | { kind: 'not_found'; message: string }
  | { kind: 'blocked'; message: string; reasons: RightsReason[] }
  | { kind: 'unsupported'; message: string }
  | { kind: 'invalid'; message: string };

type FileAnswer = Extract<RenditionAnswer, { kind: 'file' }>;
type Rendered = Omit<FileAnswer, 'cache'> | Exclude<RenditionAnswer, FileAnswer>;

const CONTENT_TYPES: Record<OutputFormat, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  avif: 'image/avif',
};
/** Kinds whose file is a picture sharp reads (a spin's row is its cover frame). */
const RENDERABLE = new Set(['image', 'raw', 'vector', 'spin']);
/** A PDF is rendered from its first page, painted once at this width (the loupe's pages). */
export const DOCUMENT_PAGE_WIDTH = 1600;

/** The cached PNG of a document's page 1 at DOCUMENT_PAGE_WIDTH, painted first if need be. */
export type FirstPage = (hash: string) => Promise<string | null>;

export class RenditionService {
  private readonly sources: RenditionSourceRepo;
  private readonly presets: PresetRepo;
  private readonly overrides: OverridesRepo;
  private readonly flights = new SingleFlight<Rendered>();
  private readonly limiter: Limiter;

  constructor(
    private readonly db: Db,
    private readonly cache: RenditionCache,
    concurrency: number,
    private readonly firstPage: FirstPage,
  ) {
    this.sources = new RenditionSourceRepo(db);
    this.presets = new PresetRepo(db);
    this.overrides = new OverridesRepo(db);
    this.limiter = new Limiter(Math.max(1, concurrency));
  }

  async rendition(req: RenditionRequest): Promise<RenditionAnswer> {
    const { transform: t } = req;
    const source = this.sources.get(req.assetId);
    if (!source) return { kind: 'not_found', message: `No asset with id ${req.assetId}` };
    if (!RENDERABLE.has(source.kind) && source.kind !== 'document')
      return {
        kind: 'unsupported',
        message: `asset ${source.id} is a ${source.kind}: only photos and PDF pages are rendered by URL`,
      };
    if (source.state === 'missing' || source.state === 'offline')
      return { kind: 'not_found', message: `asset ${source.id}'s file is ${source.state}` };
    if (!source.hash)
      return { kind: 'not_found', message: `asset ${source.id} is not indexed yet` };
    const preset = t.preset === null ? null : (this.presets.get(t.preset) ?? null);
    if (t.preset !== null && !preset)
      return { kind: 'invalid', message: `no preset '${t.preset}' (p_${t.preset})` };
    const channel = req.channel ?? preset?.channel ?? null;
    if (preset && req.channel && req.channel !== preset.channel)
      return {
        kind: 'invalid',
        message: `p_${preset.id} is for channel ${preset.channel}, not ${req.channel}`,
      };
    const rights = this.rightsBlock(source.id, channel, preset);
    if ('kind' in rights) return rights;

    const format = t.format === 'auto' || t.format === null ? pickFormat(req.accept) : t.format;
    const overrides = preset ? this.overrides.list(source.id) : [];
    const options = renditionOptions(t, format, preset, source.focus, overrides);
    if ('error' in options) return { kind: 'invalid', message: options.error };
    const key = renditionKey(source.hash, req.canonical, format, options);
    const version = source.hash.slice(0, 16);
    const ext = EXTENSIONS[format];
    const base = {
      kind: 'file' as const,
      etag: key,
      contentType: CONTENT_TYPES[format],
      format,
      version,
      until: rights.until,
    };

    const cached = await this.cache.lookup(key, ext);
    if (cached) return { ...base, file: cached.path, bytes: cached.bytes, cache: 'hit' };
    // Per asset: twins (one content, two files) differ when one changed since indexing.
    const flight = `${key}:${source.id}`;
    const joined = this.flights.joining(flight);
    if (joined) return withCache(await joined, 'joined');
    const rendered = this.flights.start(
      flight,
      () => this.limiter.run(() => this.render(source, options, req.canonical, base)),
      (r) => r.kind === 'file' && r.etag === key,
    );
    return withCache(await rendered, 'miss');
  }

  private rightsBlock(
    assetId: number,
    channel: string | null,
    preset: ReturnType<PresetRepo['get']> | null,
  ): RenditionAnswer | { until: string | null } {
    const facts = loadRightsFacts(this.db, [assetId]).get(assetId);
    if (!facts) return { until: null };
    const result = checkRightsIn(
      facts,
      {
        channel,
        medium: preset ? mediumOf(preset) : channel ? mediumOf({ channel, medium: null }) : null,
        date: today(),
        requireApproval: preset?.requireApproval ?? false,
        requireLicence: preset?.requireLicence ?? false,
      },
      preset?.territories,
    );
    if (result.verdict !== 'block') return { until: licenceEnd(facts.licences) };
    const blocks = result.reasons.filter((r) => r.level === 'block');
    const use = channel ? ` on ${channel}` : '';
    return {
      kind: 'blocked',
      message: `asset ${assetId} may not be used${use}: ${blocks.map((r) => r.message).join('; ')}`,
      reasons: result.reasons,
    };
  }

  /** Reads the source as a pack does (bytes, own rights when kept, header), renders, lands. */
  private async render(
    source: RenditionSource,
    options: RenderOptions,
    canonical: string,
    base: Omit<FileAnswer, 'cache' | 'file' | 'bytes'>,
  ): Promise<Rendered> {
    const read = await readInput(source, this.firstPage);
    if ('kind' in read) return read;
    const { input, hash } = read;
    // A file changed since it was indexed is rendered as it is now, under its own content's
    // key: the indexed content's key would hand these pixels to every copy of the old bytes.
    const key =
      hash === source.hash ? base.etag : renditionKey(hash, canonical, base.format, options);
    const version = hash.slice(0, 16);
    try {
      const rights = readsOwnRights(options) ? await readRights(input) : null;
      const prepared = await prepareSource(input, rights);
      const out = await renderRendition(prepared, options);
      const landed = await this.cache.write(key, EXTENSIONS[options.format], out.data);
      return { ...base, etag: key, version, file: landed.path, bytes: landed.bytes };
    } catch (error) {
      return {
        kind: 'unsupported',
        message: `asset ${source.id}'s file could not be rendered: ${text(error)}`,
      };
    }
  }
}

/** The bytes to render and the content they are of: the file, or a PDF's first page. */
async function readInput(
  source: RenditionSource,
  firstPage: FirstPage,
): Promise<{ input: Buffer; hash: string } | Exclude<RenditionAnswer, FileAnswer>> {
  if (source.kind === 'document') {
    const page = source.hash ? await firstPage(source.hash) : null;
    if (!page)
      return {
        kind: 'unsupported',
        message: `asset ${source.id}'s first page cannot be painted (not a readable PDF)`,
      };
    return { input: await readFile(page), hash: source.hash ?? '' };
  }
  try {
    const input = await readFile(source.path);
    return { input, hash: createHash('sha256').update(input).digest('hex') };
  } catch (error) {
    return {
      kind: 'not_found',
      message: `asset ${source.id}'s file cannot be read: ${text(error)}`,
    };
  }
}

/** sha256 of content, renderer version, transform, format and the options they make. */
function renditionKey(
  hash: string,
  canonical: string,
  format: OutputFormat,
  options: RenderOptions,
): string {
  // The options are in the key too: a preset's edit or a moved focal point is a new file.
  const parts = [hash, RENDER_VERSION, canonical, format, renderKey(hash, options)];
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

function withCache(r: Rendered, cache: FileAnswer['cache']): RenditionAnswer {
  return r.kind === 'file' ? { ...r, cache } : r;
}

/** What went wrong, for an API answer: a system error by its code, never the path it names. */
function text(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return code;
  return error instanceof Error ? error.message : String(error);
}
