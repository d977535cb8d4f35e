// Channel-pack DTOs for tests, and a small in-memory stand-in for the export methods
// (presets, renditions, pre-flight, export jobs) that fakeEngine serves by default.
import type {
  ChannelPreset,
  ExportJob,
  ExportProgress,
  ExportSummary,
  FocalPoint,
  PreflightItem,
  PreflightReport,
  Rendition,
  RenditionOverride,
} from '../../../shared/export-dto';
import { PackshotError } from '../../../shared/errors';
import type { FakeTransport } from './fake-transport';

export function makeRendition(overrides: Partial<Rendition> = {}): Rendition {
  return {
    key: '',
    width: 2000,
    height: 2000,
    fit: 'contain',
    crop: 'attention',
    withoutEnlargement: true,
    trim: false,
    trimThreshold: 12,
    productFill: null,
    background: '#ffffff',
    format: 'jpeg',
    quality: 85,
    progressive: true,
    maxBytes: null,
    minQuality: 50,
    ...overrides,
  };
}

/** A preset as presets.list gives it; built in unless told otherwise. */
export function makePreset(id: string, overrides: Partial<ChannelPreset> = {}): ChannelPreset {
  return {
    id,
    name: id,
    channel: id.split('-')[0] ?? id,
    roles: ['main'],
    renditions: [makeRendition()],
    rules: {
      minWidth: null,
      minHeight: null,
      minLongSide: 1000,
      recommendedLongSide: null,
      maxWidth: null,
      maxHeight: null,
      maxLongSide: null,
      maxMegapixels: null,
      minAspect: null,
      maxAspect: null,
      formats: ['jpeg'],
      minBytes: null,
      maxBytes: null,
      mainWhiteBackground: null,
      mainMinFill: null,
      mainMaxFill: null,
      minSharpness: null,
      maxImages: null,
    },
    naming: { folder: '{channel}/{sku}', file: '{sku}-{position}.{ext}' },
    metadata: 'copyright',
    source: { title: `${id} image guidelines`, url: null, checked: '2026-10-01' },
    notes: '',
    requireApproval: false,
    requireLicence: false,
    medium: null,
    builtIn: true,
    modified: false,
    version: 1,
    basedOn: null,
    updatedAt: null,
    ...overrides,
  };
}

export function makePreflightItem(overrides: Partial<PreflightItem> = {}): PreflightItem {
  return {
    productId: 1,
    sku: 'SKU-1',
    presetId: 'amazon-main',
    channel: 'amazon',
    assetId: 1,
    assetName: 'img-1.jpg',
    role: 'main',
    position: 1,
    level: 'pass',
    checks: [],
    ...overrides,
  };
}

/** A report over `items`, with totals counted as the engine counts them (images only). */
export function makeReport(items: PreflightItem[], presets: string[] = []): PreflightReport {
  const totals = { pass: 0, warn: 0, fail: 0 };
  for (const item of items) if (item.assetId !== null) totals[item.level] += 1;
  return {
    presets: presets.length > 0 ? presets : [...new Set(items.map((i) => i.presetId))],
    products: new Set(items.map((i) => i.productId)).size,
    totals,
    items,
  };
}

export function makeProgress(overrides: Partial<ExportProgress> = {}): ExportProgress {
  return {
    jobId: 'job-1',
    state: 'running',
    done: 0,
    total: 0,
    rendered: 0,
    unchanged: 0,
    failed: 0,
    rate: 0,
    etaSeconds: null,
    current: null,
    ...overrides,
  };
}

export function makeSummary(overrides: Partial<ExportSummary> = {}): ExportSummary {
  return {
    jobId: 'job-1',
    out: '/packs/out',
    dryRun: false,
    state: 'done',
    presets: ['amazon-main'],
    products: 1,
    planned: 0,
    rendered: 0,
    unchanged: 0,
    skipped: 0,
    warned: 0,
    failed: 0,
    removed: 0,
    bytesWritten: 0,
    seconds: 0,
    manifest: 'manifest.json',
    csv: [],
    errors: [],
    files: [],
    ...overrides,
  };
}

export interface FakeExportOptions {
  presets?: ChannelPreset[];
  report?: PreflightReport;
}

/**
 * Serves the export methods from memory: presets saved, copied and deleted as the engine
 * would (versions bumped, built-ins reverted), focal points and overrides kept per asset,
 * exports.check answering `report`, and exports.start opening a job that stays running until
 * the test emits its end (exports.wait answers once it has).
 */
export function serveExport(transport: FakeTransport, options: FakeExportOptions = {}): void {
  const shipped = new Map((options.presets ?? []).map((p) => [p.id, p]));
  const presets = new Map(shipped);
  const focus = new Map<number, FocalPoint>();
  const overrides = new Map<string, RenditionOverride>();
  const jobs = new Map<string, ExportJob>();
  const find = (id: string): ChannelPreset => {
    const preset = presets.get(id);
    if (preset === undefined) throw new PackshotError('not_found', `No preset ${id}`);
    return preset;
  };
  const byName = (): ChannelPreset[] =>
    [...presets.values()].sort((a, b) => a.name.localeCompare(b.name));

  transport
    .handle('presets.list', () => byName())
    .handle('presets.get', ({ id }) => find(id))
    .handle('presets.save', ({ id, preset }) => {
      const before = presets.get(id);
      const saved: ChannelPreset = {
        ...(preset as ChannelPreset),
        id,
        builtIn: before?.builtIn ?? false,
        modified: before?.builtIn ?? false,
        version: (before?.version ?? 0) + 1,
        basedOn: before?.basedOn ?? null,
        updatedAt: '2026-11-30T04:00:00Z',
      };
      presets.set(id, saved);
      return saved;
    })
    .handle('presets.copy', ({ id, newId, name }) => {
      const from = find(id);
      const copyId = newId ?? `${id}-copy`;
      const copy: ChannelPreset = {
        ...from,
        id: copyId,
        name: name ?? `${from.name} (copy)`,
        builtIn: false,
        modified: false,
        version: 1,
        basedOn: id,
      };
      presets.set(copyId, copy);
      return copy;
    })
    .handle('presets.delete', ({ id }) => {
      const original = shipped.get(id);
      if (original?.builtIn === true) {
        presets.set(id, original);
        return { removed: true };
      }
      return { removed: presets.delete(id) };
    })
    .handle('renditions.get', ({ assetId }) => ({
      focus: focus.get(assetId) ?? null,
      overrides: [...overrides.values()].filter((o) => o.assetId === assetId),
    }))
    .handle('renditions.setFocus', ({ assetId, x, y }) => {
      if (x === null || y === null) {
        focus.delete(assetId);
        return null;
      }
      const point = { assetId, x, y };
      focus.set(assetId, point);
      return point;
    })
    .handle('renditions.setOverride', (args) => {
      overrides.set(`${args.assetId}:${args.presetId}`, args);
      return args;
    })
    .handle('renditions.clearOverride', ({ assetId, presetId }) => ({
      removed: overrides.delete(`${assetId}:${presetId}`),
    }))
    .handle('exports.check', ({ channels }) => options.report ?? makeReport([], channels))
    .handle('exports.start', () => {
      const jobId = `job-${jobs.size + 1}`;
      const job = { jobId, progress: makeProgress({ jobId }), summary: null };
      jobs.set(jobId, job);
      return job;
    })
    .handle('exports.cancel', ({ jobId }) => ({ cancelled: jobs.has(jobId) }))
    .handle('exports.status', ({ jobId }) =>
      [...jobs.values()].filter((j) => jobId === undefined || j.jobId === jobId).reverse(),
    )
    .handle('exports.wait', ({ jobId }) => makeSummary({ jobId }));
}
