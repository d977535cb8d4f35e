import type { AssetState, ThumbState } from '../../../shared/dto';
import type { AssetFileRepo, Located } from '../repositories/asset-file-repo';
import type { IndexedFields, IndexWriteRepo } from '../repositories/index-write-repo';
import type { VersionRepo } from '../repositories/version-repo';
import type { MediaCache } from '../media/media-cache';
import { readAndHash, SAMPLE_ABOVE, sampledHash } from '../media/read-and-hash';
import type { EmbeddedPreviews } from '../tools/exiftool/raw-preview';
import { probeImage, type ImageProbe } from '../tools/sharp/render-thumbnail';
import { thumbnailSource } from '../tools/sharp/jpeg-dc-only';
import { orientationOf, readSegments, toAssetMetadata } from '../tools/metadata/read-metadata';
import { readSidecars } from '../tools/metadata/read-sidecars';
import type { Segments } from '../tools/metadata/metadata-segments';
import { expectedFormat, extensionOf, formatFromExtension } from './file-kinds';
import { thumbnailFrom, type ThumbnailResult } from './thumbnail-from';
import { readRichMedia } from './read-rich-media';
import type { MediaFactsRepo } from '../repositories/media-facts-repo';
import { describeIndexError, IndexFailure } from '../media/describe-index-error';
import type { KeyedLock } from './keyed-lock';
import { resolveIdentity } from './resolve-identity';
import type { TagRepo } from '../repositories/tag-repo';
import type { Db } from '../db/open-database';
import { withIntakeFields } from '../intake/apply-intake';
import type { CatalogIntake } from '../intake/evaluate-intake';
import type { SimilarIndex } from '../repositories/similar-index';
import type { SidecarRepo } from '../repositories/sidecar-repo';
import type { SidecarStamp } from '../repositories/sidecar-repo';
import { writeIndexResult, type WriteDeps } from './write-index-result';
import { faultPoint } from '../faults/fault-points';
import type { KeepClones } from '../media/keep-clones';
import type { WrittenContent } from './written-content';
import type { Painted } from './costly-paint';

export interface IndexDeps {
  files: AssetFileRepo;
  writes: IndexWriteRepo;
  versions: VersionRepo;
  cache: MediaCache;
  previews: EmbeddedPreviews;
  tags: TagRepo;
  similar: SimilarIndex;
  sidecars: SidecarRepo;
  mediaFacts: MediaFactsRepo;
  identityLock: KeyedLock;
  db: Db;
  intake: CatalogIntake;
  withinIndex?: WriteDeps['withinIndex'];
  /** Clones each content into the version store where the volume clones for free. */
  keepClones?: KeepClones;
  /** Content a restore just wrote, with its checked hash: not read and hashed again. */
  written?: WrittenContent;
  /** What a costly file's paint read and decoded (`CostlyPaints`): not done again. */
  painted?: { take(id: number, file: Located | undefined): Promise<Painted | null> };
}

export interface IndexOutcome {
  id: number;
  hash: string | null;
  thumb: ThumbState;
  /** The placeholder written with the result. */
  placeholder: string | null;
  state: AssetState;
  error: string | null;
  /** The file turned out to be an older asset that moved: lists must refetch. */
  moved: boolean;
  /** The catalog's intake rules changed its tags. */
  intakeTagged: boolean;
  /** Filename rules marked auto linked it to a product. */
  linked: boolean;
}

/** What reading a file found; the sidecars it read are recorded with the result. */
export type ReadFields = IndexedFields & { sidecarStamps: SidecarStamp[] | null };

/** What to decode for pixels: the file itself, or an embedded preview (RAW, HEIC). */
interface Pixels {
  input: Buffer | string;
  probe: ImageProbe | null;
  /** Orientation to apply to an embedded preview that carries none of its own. */
  orientation?: number | null;
  notice: string | null;
}

const NO_DECODER = new Set(['heic', 'heif']);
const SNIFF_ABOVE = 64 * 1024 * 1024;

/**
 * Reads one file once: hashes it, settles its identity, reads its metadata and sidecars,
 * renders its grid thumbnail unless one exists for that content. The original is only
 * read. A failure lands on this asset as a reason; it never throws, so one bad file
 * cannot stop a scan.
 */
export async function indexAsset(deps: IndexDeps, queuedId: number): Promise<IndexOutcome | null> {
  const file = deps.files.locate(queuedId);
  const painted = (await deps.painted?.take(queuedId, file)) ?? null;
  if (!file) return null; // removed while queued
  faultPoint('scan.between-files');
  let id = queuedId;
  let hash: string | null = null;
  let moved = false;
  try {
    if (file.bytes === 0) throw new IndexFailure('Empty file (0 bytes)');
    const decodable = file.kind === 'image' || file.kind === 'raw' || file.kind === 'vector';
    let buffer: Buffer | null = null;
    if (decodable) {
      // A huge file is sniffed before it is read whole: 2 GB of not-an-image fails at once.
      if (
        file.bytes > SNIFF_ABOVE &&
        file.kind === 'image' &&
        !NO_DECODER.has(extensionOf(file.name))
      ) {
        await probeImage(file.path);
      }
      const written = deps.written?.matching(file);
      const read = written
        ? { hash: written.hash, bytes: written.bytes, buffer: written.data }
        : painted?.buffer
          ? { hash: painted.hash, bytes: painted.buffer.length, buffer: painted.buffer }
          : await readAndHash(file.path, file.bytes);
      if (read.bytes === 0) throw new IndexFailure('Empty file (0 bytes)');
      hash = read.hash;
      buffer = read.buffer;
    } else {
      hash = await sampledHash(file.path, file.bytes);
    }

    // Two copies read at the same moment must not both see no other: settle identity
    // one content at a time, and record the hash before letting the next one look.
    const content = hash;
    const identity = await deps.identityLock.run(content, async () => {
      const settled = await resolveIdentity(deps.files, deps.writes, file, content);
      deps.writes.recordHash(settled.id, content);
      return settled;
    });
    id = identity.id;
    moved = identity.moved;
    if (!deps.files.locate(id)) return null;

    const read = decodable
      ? await readImage(deps, file, hash, buffer ?? file.path, painted)
      : await readRichMedia(deps, file, hash);
    // The catalog's intake rules, on where the file sits now, its name and its EXIF.
    const intake = deps.intake.evaluator(file.catalogId)({
      relPath: file.relPath,
      camera: read.camera,
      lens: read.metadata?.lens ?? null,
    });
    const fields = { ...read, metadata: withIntakeFields(read.metadata, intake.fields) };
    const written = writeIndexResult(deps, {
      id,
      file,
      fields,
      intake,
      sidecarStamps: read.sidecarStamps,
    });
    if (!written) return null; // removed while it was read
    faultPoint('scan.index-committed');
    // Above this size a file Packshot does not decode is hashed by samples: no clone of it
    // could be checked against its hash without reading it all.
    if (deps.keepClones && (decodable || file.bytes <= SAMPLE_ABOVE))
      await deps.keepClones.keep(file, hash);
    const { intakeTagged, linked } = written;
    return {
      id,
      hash,
      thumb: fields.thumb,
      placeholder: fields.placeholder,
      state: fields.state,
      error: fields.error,
      moved,
      intakeTagged,
      linked,
    };
  } catch (error) {
    const reason = describeIndexError(error);
    if (!deps.files.locate(id)) return null;
    deps.writes.markError(id, reason, hash);
    const failed = { thumb: 'none', placeholder: null, state: 'error', error: reason } as const;
    return { id, hash, ...failed, moved, intakeTagged: false, linked: false };
  }
}

async function readImage(
  deps: IndexDeps,
  file: Located,
  hash: string,
  input: Buffer | string,
  painted: Painted | null,
): Promise<ReadFields> {
  // A file that is its own pixels goes to the pool first (probe, decode, thumbnail); its
  // metadata is parsed on this thread meanwhile, not before: a core of a 2-core machine
  // otherwise waits on exifr, ~3 ms a file. RAW and HEIC need the EXIF orientation first.
  const early = ownPixels(file) ? pixelsAndThumbnail(deps, file, hash, input, null, painted) : null;
  early?.catch(() => undefined); // awaited below, after the metadata
  const embedded = await readSegments(input);
  const sidecarsRead = readSidecars(file.catalogPath, file.relPath);
  sidecarsRead.catch(() => undefined); // awaited below, after the pixels
  const { pixels, thumbnail } = await (early ??
    pixelsAndThumbnail(deps, file, hash, input, embedded, null));
  const probe = pixels.probe;

  let state: 'ok' | 'error' = 'ok';
  let error: string | null = null;
  const promised = expectedFormat(file.name);
  if (probe && promised && probe.format !== promised && file.kind !== 'raw') {
    state = 'error';
    error = `Wrong extension: the content is ${probe.format.toUpperCase()}, the name says .${extensionOf(file.name)}`;
  }

  const { thumb, placeholder, analysis } = thumbnail;
  const { sidecars, stamps } = await sidecarsRead;
  const metadata = toAssetMetadata(embedded, sidecars, {
    colorSpace: probe?.colorSpace ?? null,
    iccProfile: null,
    bitDepth: probe?.bitDepth ?? null,
    hasAlpha: probe?.hasAlpha ?? null,
  });
  const orientation = metadata.orientation ?? probe?.orientation ?? null;
  const camera = cameraName(metadata.make, metadata.model);
  return {
    sidecarStamps: stamps,
    hash,
    format: file.kind === 'raw' || !probe ? formatFromExtension(file.name) : probe.format,
    width: probe?.width ?? null,
    height: probe?.height ?? null,
    thumb,
    state,
    error,
    orientation,
    capturedAt: metadata.capturedAt,
    camera,
    metadata,
    placeholder,
    notice: pixels.notice,
    analysis,
  };
}

/** Whether the file's own bytes are decoded (not an embedded preview): RAW and HEIC are not. */
function ownPixels(file: Located): boolean {
  return file.kind !== 'raw' && !NO_DECODER.has(extensionOf(file.name));
}

/** What to decode, then its thumbnail, placeholder and analysis. */
async function pixelsAndThumbnail(
  deps: IndexDeps,
  file: Located,
  hash: string,
  input: Buffer | string,
  embedded: Segments | null,
  painted: Painted | null,
): Promise<{ pixels: Pixels; thumbnail: ThumbnailResult }> {
  const pixels = await choosePixels(deps, file, input, embedded);
  const thumbnail = await thumbnailFrom(
    deps,
    hash,
    () =>
      Promise.resolve(
        pixels.input === ''
          ? null
          : // A big progressive JPEG's thumbnail from its DC scans alone: the same pixels.
            {
              input: thumbnailSource(pixels.input, pixels.orientation),
              orientation: pixels.orientation,
            },
      ),
    painted,
  );
  return { pixels, thumbnail };
}

async function choosePixels(
  deps: IndexDeps,
  file: Located,
  input: Buffer | string,
  embedded: Segments | null,
): Promise<Pixels> {
  const ext = extensionOf(file.name);
  if (ownPixels(file)) {
    return { input, probe: await probeImage(input), notice: null };
  }
  // RAW and HEIC: dimensions from the container, pixels from the embedded preview.
  const preview = await deps.previews.extract(file.path);
  const size = await deps.previews.dimensions(file.path);
  const orientation = orientationOf(embedded?.ifd0?.Orientation);
  const probe: ImageProbe | null = size
    ? {
        format: ext,
        width: size.width,
        height: size.height,
        orientation,
        colorSpace: null,
        hasProfile: false,
        bitDepth: null,
        hasAlpha: false,
      }
    : null;
  if (file.kind === 'raw') {
    if (!preview) throw new IndexFailure('This RAW file has no embedded preview to show');
    return { input: preview, probe, orientation, notice: null };
  }
  return preview
    ? {
        input: preview,
        probe,
        orientation,
        notice: 'No HEIC decoder here: the thumbnail is the embedded preview',
      }
    : { input: '', probe, notice: 'No HEIC decoder here: indexed with its metadata, no thumbnail' };
}

/** "Canon" + "Canon EOS 30D" is "Canon EOS 30D", not "Canon Canon EOS 30D". */
export function cameraName(make: string | null, model: string | null): string | null {
  if (model && make && model.toLowerCase().startsWith(make.toLowerCase())) return model;
  return [make, model].filter(Boolean).join(' ').trim() || null;
}
