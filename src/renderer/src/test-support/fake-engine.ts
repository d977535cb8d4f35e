// A FakeTransport that answers like a small engine: catalogs, their folders, a list of
// assets served by page, details, previews and job status. Tests override what they probe.
import type {
  Asset,
  AssetDetail,
  Catalog,
  EditResult,
  FolderNode,
  JobProgress,
  PreviewReady,
  Tag,
} from '../../../shared/dto';
import type { ChannelPreset, PreflightReport } from '../../../shared/export-dto';
import { PackshotError } from '../../../shared/errors';
import { serveAi } from './fake-ai';
import { serveExport } from './fake-export';
import { FakeTransport, makeAsset, makeDetail, serveAssets } from './fake-transport';
import { versionListOf } from './fake-versions';

export const IDLE: JobProgress = {
  running: false,
  done: 0,
  total: 0,
  errors: 0,
  rate: 0,
  etaSeconds: null,
};

export interface FakeEngineOptions {
  catalogs?: Catalog[];
  folders?: FolderNode[];
  /** How many assets assets.list serves (whatever the arguments). */
  total?: number;
  asset?: (index: number) => Asset;
  detail?: (asset: Asset) => AssetDetail;
  preview?: (id: number) => PreviewReady | Promise<PreviewReady>;
  /** Channel presets served (none by default), and exports.check's answer. */
  presets?: ChannelPreset[];
  report?: PreflightReport;
  tags?: Tag[];
}

/** What an edit answers by default: it changed what it was given, and can be undone. */
export function editDone(changed: number, step: string): EditResult {
  return { changed, step, canUndo: true, canRedo: false };
}

export function fakeEngine(options: FakeEngineOptions = {}): FakeTransport {
  const total = options.total ?? 3;
  const asset = options.asset ?? ((i: number) => makeAsset(i));
  const transport = new FakeTransport()
    .handle('catalogs.list', () => options.catalogs ?? [])
    .handle('folders.list', () => options.folders ?? [])
    .handle('jobs.status', () => IDLE)
    // No products, rules or readiness problems unless a test serves some.
    .handle('products.list', () => ({ total: 0, offset: 0, items: [] }))
    .handle('rules.list', () => [])
    .handle('products.notReady', () => ({ blockers: [], items: [] }))
    .handle('products.readiness', () => [])
    .handle('assets.prioritize', ({ ids }) => ({ moved: ids.length }))
    .handle('assets.get', ({ id }) => {
      if (id < 1 || id > total) throw new PackshotError('not_found', `No asset ${id}`);
      const found = asset(id - 1);
      return options.detail?.(found) ?? makeDetail(found);
    })
    // The versions of an asset, from its detail's history: the last one is current, none kept.
    .handle('versions.list', ({ id }) => {
      if (id < 1 || id > total) throw new PackshotError('not_found', `No asset ${id}`);
      const found = asset(id - 1);
      const detail = options.detail?.(found) ?? makeDetail(found);
      return versionListOf(found, detail.history);
    })
    .handle('tags.list', () => options.tags ?? [])
    .handle('bursts.list', () => [])
    // The preview's Rights section: nothing recorded unless a test serves some.
    .handle('rights.get', () => ({ licences: [], releases: [], approval: 'draft', claims: null }))
    .handle('approvals.history', () => ({ current: null, decisions: [] }))
    .handle('approvals.reviewer', () => ({ name: 'Tester' }))
    .handle('usages.list', () => [])
    .handle('auditEntries.list', () => [])
    .handle('assets.edit', ({ ids }) => editDone(ids.length, `Edit ${ids.length}`))
    .handle('tags.apply', ({ ids, path }) => editDone(ids.length, `Tag ${path}`))
    .handle('tags.remove', ({ ids }) => editDone(ids.length, 'Remove tag'))
    .handle('edits.undo', () => ({ changed: 0, step: null, canUndo: false, canRedo: false }))
    .handle('edits.redo', () => ({ changed: 0, step: null, canUndo: false, canRedo: false }))
    .handle('previews.ensure', (args) =>
      options.preview !== undefined
        ? options.preview(args.id)
        : { id: args.id, hash: `preview-${args.id}`, reason: null },
    );
  serveAssets(transport, () => total, asset);
  serveExport(transport, { presets: options.presets, report: options.report });
  serveAi(transport);
  return transport;
}
