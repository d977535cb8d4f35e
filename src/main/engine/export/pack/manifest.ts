// A pack's record of what it wrote: manifest.json (every file with its product, channel,
// role, sizes, sha256, source and render key) plus a journal of files landed since, so a
// run killed half-way resumes without rendering again what already landed.
import { open, readFile, rm, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { ManifestFile, PackManifest } from '../../../../shared/export-dto';
import { writeAtomic } from './write-atomic';

export const MANIFEST = 'manifest.json';
const JOURNAL = '.packshot-journal.ndjson';

/** A manifest line plus how the file looked when it landed (to tell it from a user's edit). */
export interface PackEntry extends ManifestFile {
  mtimeMs: number;
  ino: number;
}

type JournalLine = { add: PackEntry } | { remove: string };

export class PackState {
  readonly entries = new Map<string, PackEntry>();
  /** Opened once, on the first line: renders land in parallel and share it. */
  private journal: Promise<FileHandle> | null = null;

  private constructor(private readonly root: string) {}

  /** The manifest with the journal of an unfinished run replayed over it. */
  static async load(root: string): Promise<PackState> {
    const state = new PackState(root);
    const manifest = await readJson(join(root, MANIFEST));
    for (const f of manifest?.files ?? []) if (isEntry(f)) state.entries.set(f.file, f);
    const journal = await readFile(join(root, JOURNAL), 'utf8').catch(() => '');
    for (const line of journal.split('\n')) {
      if (!line.trim()) continue;
      try {
        const op = JSON.parse(line) as JournalLine;
        if ('add' in op && isEntry(op.add)) state.entries.set(op.add.file, op.add);
        else if ('remove' in op) state.entries.delete(op.remove);
      } catch {
        // The last line of a killed run may be cut short: it never landed.
      }
    }
    return state;
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
    const manifest: PackManifest & { files: PackEntry[] } = {
      packshot: 1,
      updatedAt: new Date().toISOString(),
      files,
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
    this.journal ??= open(join(this.root, JOURNAL), 'a');
    const journal = await this.journal;
    await journal.write(`${JSON.stringify(line)}\n`);
    await journal.datasync();
  }
}

async function readJson(path: string): Promise<{ files?: unknown[] } | null> {
  try {
    const value = JSON.parse(await readFile(path, 'utf8')) as unknown;
    return typeof value === 'object' && value !== null ? value : null;
  } catch {
    return null;
  }
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
