// The end of a static headless pack's export, under the pack's lock once its media landed:
// products/<sku>.json, index.json and _headers written (each only when its bytes change, so a
// re-export with nothing new rewrites nothing), then what no longer belongs removed: product
// files of products gone, and media no product file points at. Removal comes last, so a front
// end reading the pack meanwhile never meets a product file that points at a removed file.
import { readdir, readFile, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { ChannelPreset, ExportError } from '../../../../shared/export-dto';
import type { HeadlessRules } from '../../../../shared/headless-rules';
import { headlessIndexSchema, type HeadlessIndex } from '../../../../shared/headless-pack-schema';
import { syncFolder } from '../../tools/files/durable-files';
import { landedAsPlanned, landedAsRecorded } from '../pack/landed-files';
import type { PackEntry } from '../pack/manifest';
import type { PackState } from '../pack/manifest';
import type { PackPaths } from '../pack/pack-paths';
import { sellsOn, type PackPlan } from '../pack/plan-pack';
import { writeAtomic } from '../pack/write-atomic';
import { productJson } from './headless-json';
import { HEADERS_FILE, INDEX_FILE, MEDIA_DIR, PRODUCTS_DIR, productFiles } from './headless-names';

export interface HeadlessWrite {
  plan: PackPlan;
  paths: PackPaths;
  state: PackState;
  baseUrl: string;
  /** The run covers some products only: the others' files stay as they are. */
  scoped: boolean;
  errors: ExportError[];
}

/** Never the start of a JSON file or _headers: a file there is Packshot's only by its hash. */
const NO_LEGACY = '\u0000';
// Overlapping (a lookahead): in `…/shop-media/media/x.jpg` a plain match takes `media/media`
// and misses the file, whose media would then be removed while that JSON points at them.
const MEDIA_REF = new RegExp(`(?=(${MEDIA_DIR}/[A-Za-z0-9._-]+))`, 'g');

export async function writeHeadless(
  w: HeadlessWrite,
): Promise<{ dirty: boolean; removed: number }> {
  const [preset, ...more] = w.plan.presets.filter((p) => p.headless);
  let dirty = false;
  let removed = 0;
  if (!preset?.headless) return { dirty, removed };
  for (const p of more)
    w.errors.push(error(p.id, null, `one headless preset per pack: ${p.id} was not written`));
  const rules: HeadlessRules = preset.headless;
  const base = w.baseUrl === '' ? '/' : w.baseUrl.replace(/\/*$/, '/');

  // Product files, then the index that lists them.
  const products = w.plan.products.filter((p) => sellsOn(p, preset));
  const names = productFiles(products.map((p) => p.sku));
  const refs = (w.plan.headless ?? []).filter((f) => f.preset.id === preset.id);
  // Only files on disk as they landed: a journal line outlives a file removed since whose
  // render failed this run (a source gone too), and JSON must never point at a missing file.
  const onDisk = await landedAsPlanned(w.paths, w.state, refs);
  const entries = new Map<string, PackEntry>();
  refs.forEach((f, i) => {
    const e = w.state.entries.get(f.path);
    if (e && onDisk[i]) entries.set(f.path, e);
  });
  const written = new Set<string>();
  const listed: HeadlessIndex['products'] = [];
  for (const product of products) {
    const file = names.get(product.sku)!;
    const json = productJson({
      preset,
      rules,
      product,
      refs: refs.filter((f) => f.product.id === product.id),
      entries,
      base,
    });
    if (await put(w, preset, file, `${JSON.stringify(json, null, 1)}\n`, (d) => (dirty ||= d))) {
      written.add(file);
      const main = json.images.find((i) => i.role === 'main') ?? null;
      listed.push({ sku: product.sku, name: product.name, json: file, main: main?.src ?? null });
    }
  }
  // The product files this run did not write: another run's (scoped), or of products gone.
  const others = w.state
    .outputFiles()
    .filter((f) => f.startsWith(`${PRODUCTS_DIR}/`) && !written.has(f));
  if (w.scoped)
    for (const entry of await previousIndex(w))
      if (!written.has(entry.json) && others.includes(entry.json)) listed.push(entry);
  listed.sort((a, b) => (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0));
  const index: HeadlessIndex = { packshot: 1, products: listed };
  await put(w, preset, INDEX_FILE, `${JSON.stringify(index, null, 1)}\n`, (d) => (dirty ||= d));
  await put(w, preset, HEADERS_FILE, headersText(rules), (d) => (dirty ||= d));
  await syncFolder(w.paths.resolve(PRODUCTS_DIR)).catch(() => undefined);
  await syncFolder(w.paths.root);

  // What no longer belongs, now that nothing points at it.
  if (!w.scoped)
    for (const file of others) {
      const current = await readFile(w.paths.resolve(file), 'utf8').catch(() => null);
      // A file edited since Packshot wrote it is the user's now: left, and forgotten.
      if (current !== null && w.state.mayReplace(file, current, NO_LEGACY)) {
        await rm(w.paths.resolve(file), { force: true });
        removed++;
      }
      await w.state.dropOutput(file);
      dirty = true;
    }
  // Every product file still there that this run did not write (another run's in a scoped
  // run, the user's, one edited since: left, even after it was forgotten) keeps its media.
  const dir = w.paths.resolve(PRODUCTS_DIR);
  const left = (await readdir(dir).catch(() => [] as string[])).filter(
    (name) => !written.has(`${PRODUCTS_DIR}/${name}`),
  );
  const referenced = new Set<string>();
  for (const name of left) {
    const text = await readFile(join(dir, name), 'utf8').catch(() => '');
    for (const m of text.matchAll(MEDIA_REF)) referenced.add(m[1]!);
  }
  // A file rights now block goes too (as from a channel pack), whoever points at it: its old
  // URL must not serve it.
  const blocked = new Set(refs.filter((f) => f.blocked.length > 0).map((f) => f.path));
  const allowed = refs.filter((f) => f.blocked.length === 0).map((f) => f.path);
  const keep = new Set([...referenced, ...allowed].filter((f) => !blocked.has(f)));
  const stale = [...w.state.entries.values()].filter(
    (e) => e.presetId === preset.id && !keep.has(e.file),
  );
  for (const e of stale) {
    if ((await w.paths.isInside(e.file)) && (await landedAsRecorded(w.paths, e))) {
      await rm(w.paths.resolve(e.file), { force: true });
      removed++;
    }
    await w.state.remove(e.file);
    dirty = true;
  }
  if (stale.length > 0) await syncFolder(dirname(w.paths.resolve(`${MEDIA_DIR}/x`)));
  return { dirty, removed };
}

/**
 * Writes a file beside the media when its bytes change: atomically, recorded in the journal
 * before it comes into view, and never over a file Packshot did not write (or one edited
 * since). Returns whether the file now holds this text.
 */
async function put(
  w: HeadlessWrite,
  preset: ChannelPreset,
  file: string,
  text: string,
  changed: (dirty: boolean) => void,
): Promise<boolean> {
  const target = await w.paths.folderFor(file);
  const old = await readFile(target, 'utf8').catch(() => null);
  const ours = w.state.outputFiles().includes(file);
  if (old === text) {
    if (!ours) {
      await w.state.output(file, text); // exactly what Packshot makes: adopted
      changed(true);
    }
    return true;
  }
  if (!w.state.mayReplace(file, old, NO_LEGACY)) {
    const why = `${file} was not written by Packshot (or was edited since) and is left as it is; move it, then export again`;
    w.errors.push(error(preset.id, file, why));
    return false;
  }
  await writeAtomic(target, text, {
    beforeRename: () => w.state.output(file, text),
    points: { beforeRename: 'export.csv-before-rename' },
  });
  changed(true);
  return true;
}

async function previousIndex(w: HeadlessWrite): Promise<HeadlessIndex['products']> {
  const text = await readFile(w.paths.resolve(INDEX_FILE), 'utf8').catch(() => null);
  if (text === null) return [];
  try {
    const parsed = headlessIndexSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data.products : [];
  } catch {
    return [];
  }
}

/** Netlify and Cloudflare Pages read this file: a path pattern, then its headers indented. */
export function headersText(rules: HeadlessRules): string {
  const json = [`  Cache-Control: ${rules.jsonCache}`, '  Access-Control-Allow-Origin: *'];
  return [
    '# Written by Packshot (static headless pack). Media names change when their bytes do:',
    '# cached for ever. Product files keep their names: revalidated.',
    `/${MEDIA_DIR}/*`,
    `  Cache-Control: ${rules.mediaCache}`,
    '  Access-Control-Allow-Origin: *',
    `/${PRODUCTS_DIR}/*`,
    ...json,
    `/${INDEX_FILE}`,
    ...json,
    '',
  ].join('\n');
}

function error(presetId: string, file: string | null, reason: string): ExportError {
  return { sku: '', presetId, assetId: null, file, reason };
}
