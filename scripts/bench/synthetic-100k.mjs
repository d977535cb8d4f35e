// A synthetic 100,000-asset catalog for the organize figures (search, tagging, scroll), built
// in seconds instead of indexing 100,000 real images:
//
//  - the data dir and its schema come from the engine itself (`packshot catalog add` on an
//    empty folder runs every migration and registers the catalog);
//  - the catalog folder gets one real file per asset, sparse (ftruncate: the size a photo
//    would have, no disk blocks) with a fixed mtime, so `serve`'s start-up reconciliation
//    finds every file unchanged and queues nothing;
//  - rows are INSERTed into that real SQLite file with what indexing would have written:
//    format, size, dimensions, date, camera, rating/flag/label, colours, ~20 tags from a
//    Lightroom-like hierarchy of ~2,000 (asset_tags; the FTS indexes are filled by the
//    schema's own triggers), duplicates and near-duplicate groups.
//
// Not real: there are no pixels, so no thumbnails. Rows say thumb 'ready' with a hash whose
// thumbnail is not in the cache (the grid asks for it, gets 404, and keeps showing the row's
// ThumbHash placeholder, taken from a pool of real ones). Deterministic (seeded).
import {
  closeSync,
  futimesSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { BenchError, cli, log, now, timed } from './lib.mjs';
import { PALETTE } from './synthetic-vocabulary.mjs';
import {
  buildTagPaths,
  tagRows,
  placeholderPool,
  planAssets,
  random,
  int,
  pick,
} from './synthetic-plan.mjs';

export const SYNTH_COUNT = Math.max(1000, Number(process.env.BENCH_SYNTH ?? 100_000));

/**
 * Builds the catalog under `dir` (data/ and catalog/) and returns its facts. Throws
 * BenchError when the engine's command line cannot create the data dir.
 */
export async function buildSynthetic100k(dir, count = SYNTH_COUNT) {
  const t0 = now();
  const data = join(dir, 'data');
  const catalogDir = join(dir, 'catalog');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(catalogDir, { recursive: true });
  timed(process.execPath, [cli, '--data', data, 'catalog', 'add', catalogDir]);

  const groups = buildTagPaths();
  const { rows: tags, ids: tagIds } = tagRows(groups);
  const assets = planAssets(count, groups);
  const pool = placeholderPool(256);

  // Files: sparse, the planned size, one fixed mtime (whole seconds: the index keeps ms).
  const mtimeS = Math.floor(Date.UTC(2026, 10, 1) / 1000);
  const folders = new Set(assets.map((a) => a.folder));
  for (const folder of folders) mkdirSync(join(catalogDir, folder), { recursive: true });
  for (const a of assets) {
    if (a.state === 'missing') continue; // indexed once, since deleted
    const fd = openSync(join(catalogDir, a.relPath), 'w');
    ftruncateSync(fd, a.bytes);
    futimesSync(fd, mtimeS, mtimeS);
    closeSync(fd);
  }
  const filesSeconds = now() - t0;

  const db = new Database(join(data, 'packshot.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  const catalog = db.prepare('SELECT id FROM catalogs').get();
  if (!catalog) throw new BenchError('synthetic catalog: `catalog add` registered no catalog');
  const insertTag = db.prepare('INSERT INTO tags (id, parent_id, name, path) VALUES (?, ?, ?, ?)');
  const insertAsset = db.prepare(
    `INSERT INTO assets (id, catalog_id, rel_path, name, folder, bytes, mtime_ms, hash, format,
       width, height, state, error, thumb, added_at, kind, captured_at, camera,
       metadata, duplicate_of, placeholder, rating, flag, label, colors, color_names, white_bg,
       fill, sharpness, phash, similar_group)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
       ?, ?, ?)`,
  );
  const insertLink = db.prepare(
    `INSERT INTO asset_tags (asset_id, tag_id, source) VALUES (?, ?, ?)`,
  );
  const insertVersion = db.prepare(
    `INSERT INTO asset_versions (asset_id, hash, bytes, width, height, recorded_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  let links = 0;
  let duplicates = 0;
  let similarGroups = 0;
  db.transaction(() => {
    for (const t of tags) insertTag.run(t.id, t.parent, t.name, t.path);
    let similarLeft = 0;
    let similarGroup = null;
    const hashes = [];
    assets.forEach((a, i) => {
      const id = i + 1;
      let hash = createHash('sha256').update(`synthetic ${id}`).digest('hex');
      let duplicateOf = null;
      // ~1.5 % are byte-identical copies of an earlier asset (dupes).
      if (i > 100 && a.state === 'ok' && random() < 0.015) {
        duplicateOf = 1 + int(i);
        hash = hashes[duplicateOf - 1];
        duplicates++;
      }
      hashes.push(hash);
      if (similarLeft === 0 && random() < 0.02) {
        similarLeft = 3 + int(4);
        similarGroup = ++similarGroups;
      }
      const group = similarLeft > 0 ? similarGroup : null;
      if (similarLeft > 0) similarLeft--;
      const ok = a.state !== 'error';
      const image = ok && (a.kind === 'image' || a.kind === 'raw');
      const colors = image
        ? JSON.stringify(
            a.colorNames.map((name, k) => ({
              hex: PALETTE[name],
              name,
              share: k === 0 ? 0.6 : 0.25,
            })),
          )
        : null;
      // What indexing stores for a photo: EXIF/XMP facts, the file's own keywords.
      const [make, ...model] = (a.camera ?? '').split(' ');
      const metadata = ok
        ? JSON.stringify({
            capturedAt: a.capturedAt,
            make: a.camera ? make : null,
            model: a.camera ? model.join(' ') : null,
            lens: a.camera ? pick(['24-70mm F2.8', '100mm F2.8 Macro', '50mm F1.2']) : null,
            exposureTime: a.camera ? pick([1 / 125, 1 / 160, 1 / 200]) : null,
            fNumber: a.camera ? pick([5.6, 8, 11]) : null,
            iso: a.camera ? pick([100, 200, 400]) : null,
            focalLength: a.camera ? pick([50, 70, 100]) : null,
            gps: null,
            orientation: 1,
            title: a.title,
            description: null,
            keywords: [],
            hierarchicalKeywords: a.tags.slice(0, 6),
            creator: a.camera ? 'Studio' : null,
            copyright: a.camera ? '© 2026 Studio' : null,
            usageTerms: null,
            rating: a.rating || null,
            label: a.label,
            colorSpace: 'sRGB',
            iccProfile: 'sRGB IEC61966-2.1',
            bitDepth: 8,
            hasAlpha: a.format === 'png',
            sidecars: [],
          })
        : null;
      insertAsset.run(
        id,
        catalog.id,
        a.relPath,
        a.name,
        a.folder,
        a.bytes,
        mtimeS * 1000,
        hash,
        a.format,
        a.width,
        a.height,
        a.state,
        ok ? null : 'Could not decode the image: unexpected end of file',
        image ? 'ready' : 'none',
        mtimeS * 1000 + id,
        a.kind,
        a.capturedAt,
        a.camera,
        metadata,
        duplicateOf,
        image ? pool[id % pool.length] : null,
        a.rating,
        a.flag,
        a.label,
        colors,
        JSON.stringify(image ? a.colorNames : []),
        image ? a.whiteBg : null,
        image ? 0.3 + random() * 0.6 : null,
        image ? 50 + random() * 900 : null,
        image ? hash.slice(0, 16) : null,
        image ? group : null,
      );
      if (ok) insertVersion.run(id, hash, a.bytes, a.width, a.height, '2026-11-01T00:00:00Z');
      for (const path of a.tags) {
        insertLink.run(id, tagIds.get(path), 'user');
        links++;
      }
    });
  })();
  db.close();
  const seconds = now() - t0;
  const summary = {
    data,
    catalogDir,
    assets: assets.length,
    files: assets.filter((a) => a.state !== 'missing').length,
    folders: folders.size,
    tags: tags.length,
    links,
    duplicates,
    similarGroups,
    errors: assets.filter((a) => a.state === 'error').length,
    missing: assets.filter((a) => a.state === 'missing').length,
    seconds,
    filesSeconds,
  };
  writeFileSync(join(dir, 'synthetic.json'), JSON.stringify(summary, null, 2));
  log(
    `synthetic catalog: ${summary.assets.toLocaleString('en')} assets in ${summary.folders} folders, ` +
      `${summary.tags} tags, ${summary.links.toLocaleString('en')} tag links, built in ${seconds.toFixed(1)} s ` +
      `(files ${filesSeconds.toFixed(1)} s)`,
  );
  return summary;
}
