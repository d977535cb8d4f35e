import { createHash } from 'node:crypto';
import { mkdir, rm, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { thumbHashToAverageRGBA } from 'thumbhash';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../db/open-database';
import { compileIntake } from '../intake/evaluate-intake';
import { MediaCache } from '../media/media-cache';
import * as readModule from '../media/read-and-hash';
import { AssetFileRepo } from '../repositories/asset-file-repo';
import { AssetQueryRepo } from '../repositories/asset-query-repo';
import { AuditLog } from '../repositories/audit-log-repo';
import { CatalogRepo } from '../repositories/catalog-repo';
import { IndexWriteRepo } from '../repositories/index-write-repo';
import { IntakeRepo } from '../repositories/intake-repo';
import { MediaFactsRepo } from '../repositories/media-facts-repo';
import { SidecarRepo } from '../repositories/sidecar-repo';
import { SimilarIndex } from '../repositories/similar-index';
import { TagRepo } from '../repositories/tag-repo';
import { VersionRepo } from '../repositories/version-repo';
import { EmbeddedPreviews } from '../tools/exiftool/raw-preview';
import { tempDir } from '../../test-support/sample-images';
import { EarlyPixels } from './early-pixels';
import { indexAsset, type IndexDeps } from './index-asset';
import { KeyedLock } from './keyed-lock';
import { scanCatalog } from './scan-catalog';

// Counts the index's reads; the real function does the work.
vi.mock('../media/read-and-hash', async (importOriginal) => {
  const real = await importOriginal<typeof readModule>();
  return { ...real, readAndHash: vi.fn(real.readAndHash) };
});
const reads = vi.mocked(readModule.readAndHash);

const RED = { r: 220, g: 20, b: 20 };
const GREEN = { r: 20, g: 200, b: 40 };

let root: string;
let folder: string;
let deps: IndexDeps;
let catalogs: CatalogRepo;
let catalogId: number;
let previews: EmbeddedPreviews;
let closeDb: () => void;

/** A baseline JPEG with no camera thumbnail: only a full decode gives its placeholder. */
async function exported(name: string, colour: typeof RED, width = 900): Promise<Buffer> {
  const image = sharp({ create: { width, height: 600, channels: 3, background: colour } });
  const bytes = await image.jpeg().toBuffer();
  await writeFile(join(folder, name), bytes);
  return bytes;
}

/** The file's id once the walk has listed it (not yet indexed). */
async function listed(name: string): Promise<number> {
  const parts = { ...deps, assets: new AssetQueryRepo(deps.db, deps.versions) };
  await scanCatalog(catalogs, parts, catalogId);
  const id = deps.files.atPaths(catalogId, [name])[0]?.id;
  if (id === undefined) throw new Error(`${name} not listed`);
  return id;
}

function early(limits = { slots: 1, hold: 4 }): {
  early: EarlyPixels;
  painted: Map<number, string>;
  paintedNow: (id: number) => Promise<string>;
} {
  const painted = new Map<number, string>();
  const waiters = new Map<number, (placeholder: string) => void>();
  const early = new EarlyPixels(
    deps,
    deps.files,
    (id, placeholder) => {
      painted.set(id, placeholder);
      waiters.get(id)?.(placeholder);
    },
    limits,
  );
  const paintedNow = (id: number): Promise<string> =>
    new Promise((resolve) => {
      const done = painted.get(id);
      if (done) resolve(done);
      else waiters.set(id, resolve);
    });
  return { early, painted, paintedNow };
}

const colourOf = (placeholder: string | null): 'red' | 'green' | 'other' => {
  const { r, g } = thumbHashToAverageRGBA(Buffer.from(placeholder ?? '', 'base64'));
  if (r > 0.6 && g < 0.3) return 'red';
  if (g > 0.5 && r < 0.3) return 'green';
  return 'other';
};

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

beforeAll(async () => {
  root = await tempDir('early-pixels');
  folder = join(root, 'catalog');
  await mkdir(folder);
  const db = openDatabase(join(root, 'data', 'packshot.db'));
  closeDb = () => db.close();
  previews = new EmbeddedPreviews();
  const versions = new VersionRepo(db, new AuditLog(db, () => 'test'));
  deps = {
    db,
    files: new AssetFileRepo(db),
    writes: new IndexWriteRepo(db),
    versions,
    cache: new MediaCache(join(root, 'data', 'cache')),
    previews,
    tags: new TagRepo(db),
    similar: new SimilarIndex(db),
    sidecars: new SidecarRepo(db),
    mediaFacts: new MediaFactsRepo(db),
    identityLock: new KeyedLock(),
    intake: new IntakeRepo(db, compileIntake),
  };
  catalogs = new CatalogRepo(db);
  catalogId = catalogs.insert(folder, 'catalog');
});

afterAll(async () => {
  await previews.close();
  closeDb();
  await rm(root, { recursive: true, force: true });
});

beforeEach(() => {
  reads.mockClear();
});

describe('a costly file read and decoded while the looks run', () => {
  it('is painted once decoded, and its index takes that read instead of reading again', async () => {
    const bytes = await exported('early.jpg', RED);
    const id = await listed('early.jpg');
    const { early: pixels, paintedNow } = early();
    pixels.looksStarted();
    pixels.offer(id);
    const placeholder = await paintedNow(id);
    expect(colourOf(placeholder)).toBe('red');
    expect(reads).toHaveBeenCalledTimes(1);

    const outcome = await indexAsset({ ...deps, early: pixels }, id);
    expect(reads).toHaveBeenCalledTimes(1); // the early read, not a second
    expect(outcome).toMatchObject({ hash: sha256(bytes), thumb: 'ready', state: 'ok' });
    expect(outcome?.placeholder).toBe(placeholder);
    // Taken once: nothing is held for it now.
    expect(await pixels.take(deps.files.locate(id)!)).toBeNull();
  });

  it('is read anew by its index when the file changed after the early read', async () => {
    await exported('changed.jpg', RED);
    const id = await listed('changed.jpg');
    const { early: pixels, paintedNow } = early();
    pixels.looksStarted();
    pixels.offer(id);
    expect(colourOf(await paintedNow(id))).toBe('red');
    // Same name, other content (and size): no stale red pixels for it.
    const now = await exported('changed.jpg', GREEN, 700);
    await listed('changed.jpg'); // the walk records its new size and mtime

    const outcome = await indexAsset({ ...deps, early: pixels }, id);
    expect(reads).toHaveBeenCalledTimes(2);
    expect(outcome?.hash).toBe(sha256(now));
    expect(colourOf(outcome?.placeholder ?? null)).toBe('green');
  });

  it('is dropped when the file is deleted before its index', async () => {
    await exported('deleted.jpg', RED);
    const id = await listed('deleted.jpg');
    const { early: pixels, paintedNow } = early();
    pixels.looksStarted();
    pixels.offer(id);
    await paintedNow(id);
    await unlink(join(folder, 'deleted.jpg'));
    expect(await pixels.take(deps.files.locate(id)!)).toBeNull();
  });

  it('starts only while looks run, at most `slots` at once and `hold` kept', async () => {
    const ids: number[] = [];
    for (const n of [1, 2, 3]) {
      await exported(`bounded-${n}.jpg`, RED, 800 + n);
      ids.push(await listed(`bounded-${n}.jpg`));
    }
    const [a, b, c] = ids as [number, number, number];
    const { early: pixels, painted, paintedNow } = early({ slots: 1, hold: 1 });
    pixels.offer(a); // no look is running: the index queue's to do
    expect(reads).toHaveBeenCalledTimes(0);
    pixels.looksStarted();
    pixels.offer(a);
    pixels.offer(b);
    pixels.offer(c);
    await paintedNow(a);
    // One held and not taken: b and c wait; when the looks end they are the index's.
    expect(reads).toHaveBeenCalledTimes(1);
    pixels.looksDone();
    expect(await pixels.take(deps.files.locate(a)!)).not.toBeNull();
    expect(reads).toHaveBeenCalledTimes(1);
    expect([...painted.keys()]).toEqual([a]);
    expect(await pixels.take(deps.files.locate(b)!)).toBeNull();
  });
});
