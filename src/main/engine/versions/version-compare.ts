import { readFile } from 'node:fs/promises';
import { diffKey } from '../../../shared/bridge';
import { PackshotError } from '../../../shared/errors';
import type { VersionCompare, VersionEntry, VersionSide } from '../../../shared/version-dto';
import { cameraName } from '../ingest/index-asset';
import type { VersionStore } from '../media/version-store';
import { readSegments, toAssetMetadata } from '../tools/metadata/read-metadata';
import { pixelDiff, readPixelDiff } from '../tools/sharp/pixel-diff';
import { probeImage, renderPreview } from '../tools/sharp/render-thumbnail';
import type { MediaCache } from '../media/media-cache';
import type { VersionOps } from './version-ops';

export interface CompareDeps {
  ops: VersionOps;
  store: VersionStore;
  cache: MediaCache;
}

const NO_PIXELS = 'Its bytes were not kept (not restorable), so its pixels cannot be read';

/**
 * Two versions side by side: the recorded facts of each, the metadata their own bytes carry
 * (the current file, or the kept bytes in the store), and a pixel-difference PNG kept in the
 * cache (`cache/diffs/`, named by both hashes: computed once, pruned and swept like previews).
 */
export async function compareVersions(
  { ops, store, cache }: CompareDeps,
  args: { id: number; a: number; b: number },
): Promise<VersionCompare> {
  const listed = await ops.list(args.id);
  const pick = (n: number): VersionEntry => {
    const v = listed.versions[n - 1];
    if (!v)
      throw new PackshotError(
        'not_found',
        `Asset ${args.id} has no version ${n} (it has ${listed.versions.length})`,
      );
    return v;
  };
  const [va, vb] = [pick(args.a), pick(args.b)];
  const bytesOf = async (
    v: VersionEntry,
  ): Promise<{ data: Buffer; source: 'file' | 'store' } | null> => {
    if (v.restorable) return { data: await readFile(store.pathFor(v.hash)), source: 'store' };
    if (v.current) return { data: await readFile(listed.path), source: 'file' };
    return null;
  };
  const [ba, bb] = [await bytesOf(va), await bytesOf(vb)];
  const diff = await diffOf(cache, va, vb, ba?.data ?? null, bb?.data ?? null);
  return { id: args.id, a: await sideOf(cache, va, ba), b: await sideOf(cache, vb, bb), diff };
}

async function sideOf(
  cache: MediaCache,
  v: VersionEntry,
  bytes: { data: Buffer; source: 'file' | 'store' } | null,
): Promise<VersionSide> {
  const none = { format: null, capturedAt: null, camera: null, keywords: [], title: null };
  if (!bytes) return { ...v, source: null, ...none };
  // The preview budget may have pruned an old version's preview: kept bytes render it again.
  if (!v.preview)
    await renderPreview(bytes.data)
      .then((data) => cache.write('preview', v.hash, data))
      .catch(() => undefined); // no decoder here (RAW, HEIC): the side shows its thumbnail
  const probe = await probeImage(bytes.data).catch(() => null);
  const m = toAssetMetadata(await readSegments(bytes.data), [], {
    colorSpace: null,
    iccProfile: null,
    bitDepth: null,
    hasAlpha: null,
  });
  return {
    ...v,
    preview: cache.has('preview', v.hash),
    source: bytes.source,
    format: probe?.format ?? null,
    capturedAt: m.capturedAt,
    camera: cameraName(m.make, m.model),
    keywords: m.keywords,
    title: m.title,
  };
}

async function diffOf(
  cache: MediaCache,
  va: VersionEntry,
  vb: VersionEntry,
  a: Buffer | null,
  b: Buffer | null,
): Promise<VersionCompare['diff']> {
  const empty = { path: null, key: null, width: null, height: null };
  const none = { ...empty, changedShare: null, meanDifference: null };
  if (!a || !b) return { ...none, reason: `Version ${a ? vb.n : va.n}: ${NO_PIXELS}` };
  const key = diffKey(va.hash, vb.hash);
  try {
    // Computed once per pair: a diff the cache holds carries its own figures.
    const cached = cache.has('diff', key)
      ? await readPixelDiff(cache.pathFor('diff', key)).catch(() => null)
      : null;
    if (cached) return { ...cached, path: cache.pathFor('diff', key), key, reason: null };
    const { png, ...figures } = await pixelDiff(a, b);
    const path = await cache.write('diff', key, png);
    return { ...figures, path, key, reason: null };
  } catch (error) {
    return { ...none, reason: `No pixel difference: ${String(error)}` };
  }
}
