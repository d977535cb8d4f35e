// What must hold after a process was killed, and again after the restart's recovery. Each
// check returns the problems it found (empty: it holds), so a sweep can list them all.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import sharp from 'sharp';
import { fileHashes, listFiles, SHOTS, type World } from './crash-world';

export const TAG = 'Summer';

export interface LibraryFacts {
  assets: {
    name: string;
    state: string;
    tags: number;
    versions: number;
    tagged: number;
    linked: number;
  }[];
  steps: number;
  /** Rows for the tag the scenarios add (created with its links or not at all). */
  tagRows: number;
  links: number;
  products: number;
  liveJobs: { id: number; name: string; state: string }[];
}

export function libraryFacts(world: World): LibraryFacts {
  const db = new Database(join(world.data, 'packshot.db'), { readonly: true });
  try {
    const count = (sql: string): number => (db.prepare(sql).pluck().get() as number) ?? 0;
    return {
      assets: db
        .prepare<[string], LibraryFacts['assets'][number]>(
          `SELECT a.name, a.state,
             (SELECT count(*) FROM asset_tags t WHERE t.asset_id = a.id) AS tags,
             (SELECT count(*) FROM asset_versions v WHERE v.asset_id = a.id) AS versions,
             (SELECT count(*) FROM asset_tags t JOIN tags g ON g.id = t.tag_id
               WHERE t.asset_id = a.id AND g.path = ?) AS tagged,
             (SELECT count(*) FROM product_links l WHERE l.asset_id = a.id) AS linked
           FROM assets a ORDER BY a.name`,
        )
        .all(TAG),
      steps: count(`SELECT count(*) FROM edit_steps`),
      tagRows: count(`SELECT count(*) FROM tags WHERE path = '${TAG}'`),
      links: count(`SELECT count(*) FROM product_links`),
      products: count(`SELECT count(*) FROM products`),
      liveJobs: db
        .prepare<[], LibraryFacts['liveJobs'][number]>(
          `SELECT id, name, state FROM jobs WHERE state IN ('queued', 'running')`,
        )
        .all(),
    };
  } finally {
    db.close();
  }
}

/** An asset is pending with nothing written, or indexed with its keywords and version. */
export function indexWhole(facts: LibraryFacts, mustBeIndexed: boolean, maxVersions = 1): string[] {
  const problems: string[] = [];
  for (const a of facts.assets) {
    const fileTags = a.tags - a.tagged;
    if (a.state === 'ok' && (fileTags !== 2 || a.versions < 1 || a.versions > maxVersions))
      problems.push(`${a.name} indexed with ${fileTags} keywords, ${a.versions} versions`);
    if (a.state === 'pending' && (a.tags !== 0 || a.versions !== 0))
      problems.push(`${a.name} pending with ${a.tags} tags, ${a.versions} versions`);
    if (a.state !== 'ok' && a.state !== 'pending') problems.push(`${a.name} is ${a.state}`);
    if (mustBeIndexed && a.state !== 'ok') problems.push(`${a.name} not indexed`);
  }
  if (facts.assets.length !== SHOTS) problems.push(`${facts.assets.length} assets`);
  return problems;
}

/** A bulk edit is all or nothing, and in the history exactly when it is applied. */
export function editWhole(
  what: string,
  applied: number,
  full: number,
  steps: number,
  before: number,
  mustBeApplied: boolean,
): string[] {
  if (applied === 0 && steps === before && !mustBeApplied) return [];
  if (applied === full && steps === before + 1) return [];
  return [`${what}: ${applied} of ${full} applied, ${steps - before} steps recorded`];
}

/** Temporary files anywhere we write: the catalog, the pack, the data folder's cache. */
export async function tempLeftovers(world: World): Promise<string[]> {
  const temp = /packshot-tmp|_exiftool_tmp|\.tmp$|packshot-journal/;
  const found: string[] = [];
  for (const [label, dir] of [
    ['photos', world.photos],
    ['pack', world.out],
    ['cache', join(world.data, 'cache')],
  ] as const)
    for (const f of await listFiles(dir)) if (temp.test(f)) found.push(`${label}/${f}`);
  return found.map((f) => `temporary file left: ${f}`);
}

/** Originals as they were (or, for embedded XMP, whole images); sidecars whole XMP. */
export async function catalogWhole(world: World, originalsMayChange: boolean): Promise<string[]> {
  const problems: string[] = [];
  const now = await fileHashes(world.photos);
  for (const [file, hash] of world.originals) {
    if (!now.has(file)) problems.push(`photos/${file} is gone`);
    else if (file.endsWith('.jpg') && now.get(file) !== hash && !originalsMayChange)
      problems.push(`photos/${file} was changed`);
  }
  for (const file of now.keys()) {
    if (file.startsWith('.')) continue; // temporary files: tempLeftovers names them
    const path = join(world.photos, file);
    if (file.endsWith('.jpg')) problems.push(...(await decodes(`photos/${file}`, path)));
    if (file.endsWith('.xmp')) {
      const text = await readFile(path, 'utf8');
      const i = /kw-(\d)/.exec(text)?.[1];
      if (!/<\/x:xmpmeta>\s*(<\?xpacket end=['"]w['"]\?>\s*)?$/.test(text) || i === undefined)
        problems.push(`photos/${file} is not a whole sidecar`);
    }
  }
  return problems;
}

/** Every image file in a folder decodes to its end. */
export async function imagesWhole(label: string, dir: string): Promise<string[]> {
  const problems: string[] = [];
  for (const f of await listFiles(dir))
    if (/\.(jpe?g|png|webp)$/.test(f) && !f.startsWith('.'))
      problems.push(...(await decodes(`${label}/${f}`, join(dir, f))));
  return problems;
}

async function decodes(label: string, path: string): Promise<string[]> {
  try {
    await sharp(path, { failOn: 'truncated' }).raw().toBuffer();
    return [];
  } catch (error) {
    return [`${label} does not decode: ${String(error)}`];
  }
}

/** After recovery no job is left live: each was resumed to its end or ended cleanly. */
export function jobsSettled(facts: LibraryFacts): string[] {
  return facts.liveJobs.map((j) => `job ${j.id} (${j.name}) still ${j.state}`);
}
