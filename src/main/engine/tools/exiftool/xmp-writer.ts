import { existsSync } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { XmpMode, XmpNaming } from '../../../../shared/dto';
import { LazyExifTool } from './lazy-exiftool';
import { splitTagPath } from '../../../../shared/tag-path';
import { faultPoint } from '../../faults/fault-points';
import { syncFile, syncFolder } from '../files/durable-files';
import { SidecarWriter } from './write-sidecar';

/** What Packshot writes for an asset, and where. */
export interface XmpTarget {
  assetId: number;
  /** The asset's content hash as indexed before this write. */
  hash: string | null;
  catalogPath: string;
  relPath: string;
  kind: string;
  format: string | null;
  mode: XmpMode;
  naming: XmpNaming;
  tagPaths: string[];
  rating: number;
  label: string | null;
}

/** A file written into (not a sidecar): the caller records its new content as Packshot's. */
export interface XmpWritten {
  target: XmpTarget;
  file: string;
}

/** exiftool's temporary file beside the one it writes (left by a killed write). */
export const EXIFTOOL_TMP_SUFFIX = '_exiftool_tmp';
const TASK_TIMEOUT_MS = 30_000;

/** Formats exiftool writes XMP into safely; anything else gets a sidecar. RAW never is written. */
const EMBEDDABLE = new Set(['jpeg', 'tiff', 'png', 'webp', 'gif']);

/** The file exiftool should write: the image itself, or its sidecar (an existing one first). */
export function xmpFile(target: XmpTarget): string {
  const path = join(target.catalogPath, ...target.relPath.split('/'));
  if (target.mode === 'embedded' && target.kind === 'image' && EMBEDDABLE.has(target.format ?? ''))
    return path;
  const dot = target.relPath.lastIndexOf('.');
  const stem =
    dot > target.relPath.lastIndexOf('/') + 1 ? target.relPath.slice(0, dot) : target.relPath;
  const adobe = `${stem}.xmp`;
  const extension = `${target.relPath}.xmp`;
  for (const candidate of [adobe, extension]) {
    const existing = join(target.catalogPath, ...candidate.split('/'));
    if (existsSync(existing)) return existing;
  }
  return join(target.catalogPath, ...(target.naming === 'adobe' ? adobe : extension).split('/'));
}

/** Keywords as Lightroom writes them: every level flat in dc:subject, full paths in lr:. */
export function xmpTags(target: XmpTarget): Record<string, unknown> {
  const flat = [...new Set(target.tagPaths.flatMap(splitTagPath))];
  return {
    'XMP-dc:Subject': flat.length > 0 ? flat : null,
    'XMP-lr:HierarchicalSubject': target.tagPaths.length > 0 ? target.tagPaths : null,
    'XMP-xmp:Rating': target.rating,
    'XMP-xmp:Label': target.label ? target.label[0]?.toUpperCase() + target.label.slice(1) : null,
  };
}

/**
 * Writes keywords, rating and label to XMP with exiftool, the reference writer that
 * Lightroom, Bridge and digiKam agree with. exiftool writes to a temporary file and
 * renames it over the original (-overwrite_original), so a crash leaves the old file or
 * the new one; -P keeps the file's modification time (the user's edit date stays theirs),
 * and the result is fsync'd before it counts as written. A sidecar is edited as a copy and
 * renamed into place (write-sidecar.ts). Camera RAW files always get a sidecar: their bytes
 * are never touched.
 */
export class XmpWriter {
  private readonly exiftool = new LazyExifTool({ maxProcs: 1, taskTimeoutMillis: TASK_TIMEOUT_MS });
  private readonly sidecars = new SidecarWriter();
  private chain: Promise<unknown> = Promise.resolve();

  /** Queues writes one after another; resolves with the files written into when these are. */
  write(targets: readonly XmpTarget[]): Promise<XmpWritten[]> {
    const run = this.chain.then(async () => {
      const written: XmpWritten[] = [];
      for (const target of targets) {
        if (target.mode === 'off') continue;
        const file = xmpFile(target);
        try {
          const exiftool = await this.exiftool.get();
          if (file.endsWith('.xmp')) {
            // exiftool writes the sidecar's temporary copy: its leftovers are swept there.
            await this.sidecars.write(exiftool, file, xmpTags(target));
            continue;
          }
          await removeStaleTemp(file);
          faultPoint('xmp.embedded-before-write');
          await exiftool.write(file, xmpTags(target), {
            writeArgs: ['-overwrite_original', '-P'],
          });
          await syncFile(file);
          await syncFolder(dirname(file));
          faultPoint('xmp.embedded-after-write');
          if (file === join(target.catalogPath, ...target.relPath.split('/')))
            written.push({ target, file });
        } catch (error) {
          console.warn(`packshot: could not write XMP for ${target.relPath}: ${String(error)}`);
        }
      }
      return written;
    });
    this.chain = run.catch(() => undefined);
    return run;
  }

  async close(): Promise<void> {
    await this.chain;
    await this.exiftool.end();
  }
}

/**
 * exiftool refuses to write while its temporary file exists. One older than a write may
 * take is a killed write's leftover (a live write in another process is younger): removed.
 */
async function removeStaleTemp(file: string): Promise<void> {
  const temp = `${file}${EXIFTOOL_TMP_SUFFIX}`;
  const s = await stat(temp).catch(() => null);
  if (s?.isFile() && Date.now() - s.mtimeMs > TASK_TIMEOUT_MS) await rm(temp, { force: true });
}
