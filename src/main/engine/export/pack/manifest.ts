// A pack's record of what it wrote: manifest.json (every file with its product, channel,
// role, sizes, sha256, source and render key) plus a journal of files landed since, so a
// run killed half-way resumes without rendering again what already landed. Files beside the
// images that Packshot writes (the CSVs) are listed under `outputs` with their sha256, so a
// file of the same name that Packshot did not write, or that was edited since, is left alone.
import { createHash } from 'node:crypto';
import { open, readFile, rm, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { ExportError, ManifestFile, PackManifest } from '../../../../shared/export-dto';
import { PackshotError } from '../../../../shared/errors';
import { writeAtomic } from './write-atomic';

export const MANIFEST = 'manifest.json';
const JOURNAL = '.packshot-journal.ndjson';

/** A manifest line plus how the file looked when it landed (to tell it from a user's edit). */
export interface PackEntry extends ManifestFile {
  mtimeMs: number;
  ino: number;
}

/** A file beside the images that Packshot wrote (a CSV), as it wrote it. */
export interface PackOutput {
  file: string;
  sha256: string;
}

type JournalLine =
  { add: PackEntry } | { remove: string } | { output: PackOutput } | { dropOutput: string };

export class PackState {
  readonly entries = new Map<string, PackEntry>();
  /** What the manifest (or an earlier journal line) listed for a file the journal has since
   *  replaced: a kill between the journal line and the rename leaves that older file in
   *  view, and it is still Packshot's. */
  readonly superseded = new Map<string, PackEntry[]>();
  private readonly outputs = new Map<string, string>();
  /** The same for the CSVs: every sha256 a replayed `output` line replaced. */
  private readonly earlierOutputs = new Map<string, Set<string>>();
  /** The manifest predates `outputs`: a CSV in Packshot's own shape is taken as its own. */
  private legacy = false;
  /** An unfinished run's journal was replayed: it must be folded in even if nothing changes. */
  replayed = false;
  /** The last run's errors (rights blocks among them), written with the manifest. */
  errors: ExportError[] = [];
  /** The manifest on disk lists errors: a clean run must rewrite it to clear them. */
  hadErrors = false;
  /** Opened once, on the first line: renders land in parallel and share it. */
  private journal: Promise<FileHandle> | null = null;

  private constructor(private readonly root: string) {}

  /** The manifest with the journal of an unfinished run replayed over it. */
  static async load(root: string): Promise<PackState> {
    const state = new PackState(root);
    const path = join(root, MANIFEST);
    const manifest = await readManifest(path);
    state.legacy = manifest !== null && !Array.isArray(manifest.outputs);
    state.hadErrors = (manifest?.errors?.length ?? 0) > 0;
    for (const f of manifest?.files ?? []) if (isEntry(f)) state.entries.set(f.file, f);
    for (const o of manifest?.outputs ?? []) if (isOutput(o)) state.outputs.set(o.file, o.sha256);
    const journal = await readFile(join(root, JOURNAL), 'utf8').catch(() => '');
    for (const line of journal.split('\n')) {
      if (!line.trim()) continue;
      state.replayed = true;
      try {
        const op = JSON.parse(line) as JournalLine;
        if ('add' in op && isEntry(op.add)) {
          const before = state.entries.get(op.add.file);
          if (before) pushTo(state.superseded, op.add.file, before);
          state.entries.set(op.add.file, op.add);
        } else if ('remove' in op) state.entries.delete(op.remove);
        else if ('dropOutput' in op) state.outputs.delete(op.dropOutput);
        else if ('output' in op && isOutput(op.output)) {
          const before = state.outputs.get(op.output.file);
          if (before !== undefined) {
            const set = state.earlierOutputs.get(op.output.file) ?? new Set<string>();
            state.earlierOutputs.set(op.output.file, set.add(before));
          }
          state.outputs.set(op.output.file, op.output.sha256);
        }
      } catch {
        // The last line of a killed run may be cut short: it never landed.
      }
    }
    return state;
  }

  /**
   * Whether Packshot may replace this file beside the images: it is not there, or it is
   * what Packshot wrote last (same sha256; or one a replayed journal line replaced, as a
   * kill before the rename leaves it), or (a manifest from before outputs were listed) it
   * is a CSV in Packshot's own shape.
   */
  mayReplace(file: string, current: string | null, legacyHeader: string): boolean {
    if (current === null) return true;
    const recorded = this.outputs.get(file);
    if (recorded !== undefined) {
      const sha = sha256Of(current);
      return recorded === sha || (this.earlierOutputs.get(file)?.has(sha) ?? false);
    }
    return this.legacy && current.startsWith(legacyHeader);
  }

  /** Records a file beside the images before it is renamed into view. */
  async output(file: string, text: string): Promise<void> {
    const o: PackOutput = { file, sha256: sha256Of(text) };
    await this.append({ output: o });
    this.outputs.set(file, o.sha256);
  }

  /** The files beside the images Packshot wrote, e.g. a headless pack's product JSON. */
  outputFiles(): string[] {
    return [...this.outputs.keys()];
  }

  /** Forgets a file beside the images (removed because it no longer belongs). */
  async dropOutput(file: string): Promise<void> {
    await this.append({ dropOutput: file });
    this.outputs.delete(file);
  }

  /** Records a landed file durably (appended and fsync'd) before it is renamed into view. */
  async add(entry: PackEntry): Promise<void> {
    await this.append({ add: entry });
    this.entries.set(entry.file, entry);
  }

  async remove(file: string): Promise<void> {
    await this.append({ remove: file });
    this.entries.delete(file);
  }

  /** Folds the journal into manifest.json (written atomically) and drops the journal. */
  async commit(): Promise<void> {
    const files = [...this.entries.values()].sort((a, b) => (a.file < b.file ? -1 : 1));
    const outputs = [...this.outputs]
      .map(([file, sha256]) => ({ file, sha256 }))
      .sort((a, b) => (a.file < b.file ? -1 : 1));
    const manifest: PackManifest & { files: PackEntry[]; outputs: PackOutput[] } = {
      packshot: 1,
      updatedAt: new Date().toISOString(),
      files,
      outputs,
      errors: this.errors,
    };
    await writeAtomic(join(this.root, MANIFEST), `${JSON.stringify(manifest, null, 1)}\n`);
    await this.close();
    await rm(join(this.root, JOURNAL), { force: true });
  }

  async close(): Promise<void> {
    const journal = this.journal;
    this.journal = null;
    await (await journal?.catch(() => null))?.close();
  }

  private async append(line: JournalLine): Promise<void> {
    // The promise, not the handle, is kept: two renders landing at once would otherwise
    // both open the journal and leave one handle for the garbage collector.
    const path = join(this.root, JOURNAL);
    try {
      this.journal ??= open(path, 'a');
      const journal = await this.journal;
      await journal.write(`${JSON.stringify(line)}\n`);
      await journal.datasync();
    } catch (error) {
      throw new PackshotError('io', `could not write ${path}: ${(error as Error).message}`);
    }
  }
}

interface ManifestJson {
  files?: unknown[];
  outputs?: unknown[];
  errors?: unknown[];
}

/**
 * The pack's manifest, or null when there is none. A manifest.json that is not Packshot's
 * (not JSON, or without its `packshot` mark) is the user's: the export stops before it
 * writes anything rather than replace it.
 */
async function readManifest(path: string): Promise<ManifestJson | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new PackshotError('io', `could not read ${path}: ${(error as Error).message}`);
  }
  let value: unknown = null;
  try {
    value = JSON.parse(text);
  } catch {
    // not JSON: not Packshot's
  }
  const v = value as { packshot?: unknown } | null;
  if (typeof v !== 'object' || v === null || v.packshot !== 1)
    throw new PackshotError(
      'conflict',
      `${path} was not written by Packshot and is left as it is: move it, or export to another folder`,
    );
  return v as ManifestJson;
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function sha256Of(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function isOutput(value: unknown): value is PackOutput {
  const v = value as Partial<PackOutput> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.file === 'string' &&
    typeof v.sha256 === 'string'
  );
}

function isEntry(value: unknown): value is PackEntry {
  const v = value as Partial<PackEntry> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.file === 'string' &&
    typeof v.renderKey === 'string' &&
    typeof v.presetId === 'string' &&
    typeof v.productId === 'number' &&
    typeof v.bytes === 'number' &&
    typeof v.mtimeMs === 'number'
  );
}
