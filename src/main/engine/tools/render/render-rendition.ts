// One rendition of one source with sharp: orient, flatten, (make a near-white backdrop
// white), (trim and pad to a fill share), fit inside / cover (smart crop or focal point) /
// contain, sRGB, metadata, encode, and meet the size limit.
import type { Sharp } from 'sharp';
import { sharp } from '../sharp/sharp-lib';
import type { OutputFormat } from '../../../../shared/export-dto';
import { applyColourAndMetadata, type RightsFields } from './color';
import { fitQuality } from './fit-quality';
import type { RenderOptions } from './render-options';
import { LIMIT_INPUT_PIXELS, openSource } from './sharp-input';
import { profileIsIdentity, withSrgbProfile } from './srgb-profile';
import { fillFrame, findTrim } from './trim-and-pad';
import {
  cleanBackground,
  isCleaned,
  openCleaned,
  type CleanedSource,
} from './white-background-pass';

export interface RenderedFile {
  data: Buffer;
  width: number;
  height: number;
  format: OutputFormat;
  quality: number;
  encodes: number;
}

export const EXTENSIONS: Record<OutputFormat, string> = {
  jpeg: 'jpg',
  png: 'png',
  webp: 'webp',
  avif: 'avif',
};

/** A decoded source: its upright size, and (for trimming presets) its trimmed pixels. */
export interface PreparedSource {
  input: Buffer;
  width: number;
  height: number;
  rights: RightsFields | null;
  /** The source's own XMP packet ('all' keeps it, with the licence added). */
  xmp: string | null;
  /** Decodes to 8-bit sRGB: a JPEG gets its profile spliced in, not transformed to. */
  srgb8: boolean;
}

export async function prepareSource(
  input: Buffer,
  rights: RightsFields | null,
): Promise<PreparedSource> {
  const meta = await sharp(input, { limitInputPixels: LIMIT_INPUT_PIXELS }).metadata();
  if (!meta.width || !meta.height) throw new Error('the image has no size');
  const turned = (meta.orientation ?? 1) >= 5;
  return {
    input,
    width: turned ? meta.height : meta.width,
    height: turned ? meta.width : meta.height,
    rights,
    xmp: meta.xmp ? meta.xmp.toString('utf8') : null,
    srgb8: profileIsIdentity(meta),
  };
}

export async function renderRendition(
  source: PreparedSource,
  o: RenderOptions,
): Promise<RenderedFile> {
  const { build, cleaned } = await pipelineFor(source, o);
  // Cleaned pixels come without the source's metadata: 'all' gets its XMP back explicitly.
  const xmpBack = cleaned && o.metadata === 'all' && !o.licence ? source.xmp : null;
  const splice = o.format === 'jpeg' && source.srgb8;
  let size = { width: 0, height: 0 };
  const encode = async (quality: number): Promise<Buffer> => {
    const coloured = applyColourAndMetadata(
      build(),
      o.metadata,
      source.rights,
      o.licence ?? null,
      source.xmp,
      !splice,
    );
    const image = xmpBack ? coloured.withXmp(xmpBack) : coloured;
    const { data, info } = await encodeAs(image, o.format, quality, o.progressive).toBuffer({
      resolveWithObject: true,
    });
    size = { width: info.width, height: info.height };
    return splice ? withSrgbProfile(data) : data;
  };
  const fitted = await fitQuality(encode, o.quality, o.minQuality, o.maxBytes, o.minBytes);
  // `size` is of the last encode; every encode has the same dimensions.
  return { ...fitted, ...size, format: o.format };
}

/**
 * A factory of identical pipelines (one per encode when the quality is searched), and
 * whether the white-background pass changed the pixels it starts from.
 */
async function pipelineFor(
  source: PreparedSource,
  o: RenderOptions,
): Promise<{ build: () => Sharp; cleaned: boolean }> {
  const pass = o.whiteBackground
    ? await cleanBackground(source.input, o.background, o.whiteBackground)
    : null;
  const cleaned = pass !== null && isCleaned(pass);
  return { build: await stagesFor(source, o, pass && isCleaned(pass) ? pass : null), cleaned };
}

async function stagesFor(
  source: PreparedSource,
  o: RenderOptions,
  cleaned: CleanedSource | null,
): Promise<() => Sharp> {
  // Cleaned pixels are already upright and flat; a source left alone renders as without it.
  const flat = cleaned
    ? (): Sharp => openCleaned(cleaned)
    : (): Sharp => openSource(source.input).flatten({ background: o.background });
  if (o.trim) {
    const box = await findTrim(flat, source, o.background, o.trimThreshold);
    // extract before resize is sharp's pre-resize crop: one pipeline, one decode.
    const cropped = (): Sharp => flat().extract(box);
    if (o.productFill !== null) {
      const frame = fillFrame(box, o, o.productFill, o.withoutEnlargement);
      const dx = frame.width - frame.productWidth;
      const dy = frame.height - frame.productHeight;
      return () =>
        cropped()
          .resize(frame.productWidth, frame.productHeight, { fit: 'fill' })
          .extend({
            left: Math.floor(dx / 2),
            right: Math.ceil(dx / 2),
            top: Math.floor(dy / 2),
            bottom: Math.ceil(dy / 2),
            background: o.background,
          });
    }
    return () => fit(cropped(), box, o);
  }
  return () => fit(flat(), source, o);
}

/** Resizes an upright image of size `src` into the box. */
function fit(image: Sharp, src: { width: number; height: number }, o: RenderOptions): Sharp {
  const { width: w, height: h } = src;
  if (o.fit === 'inside' || o.width === null || o.height === null) {
    if (o.width === null && o.height === null) return image;
    return image.resize(o.width, o.height, {
      fit: 'inside',
      withoutEnlargement: o.withoutEnlargement,
    });
  }
  const scale =
    o.fit === 'cover' ? Math.max(o.width / w, o.height / h) : Math.min(o.width / w, o.height / h);
  // Never scale up: the box shrinks instead, keeping its aspect.
  const k = o.withoutEnlargement && scale > 1 ? 1 / scale : 1;
  const outW = Math.max(1, Math.round(o.width * k));
  const outH = Math.max(1, Math.round(o.height * k));
  if (o.fit === 'contain') {
    return image.resize(outW, outH, { fit: 'contain', background: o.background });
  }
  if (o.focus) {
    const s = Math.max(outW / w, outH / h);
    const rw = Math.max(outW, Math.round(w * s));
    const rh = Math.max(outH, Math.round(h * s));
    const left = clamp(Math.round(o.focus.x * rw - outW / 2), 0, rw - outW);
    const top = clamp(Math.round(o.focus.y * rh - outH / 2), 0, rh - outH);
    return image.resize(rw, rh, { fit: 'fill' }).extract({ left, top, width: outW, height: outH });
  }
  const position =
    o.crop === 'attention'
      ? sharp.strategy.attention
      : o.crop === 'entropy'
        ? sharp.strategy.entropy
        : 'centre';
  return image.resize(outW, outH, { fit: 'cover', position });
}

function encodeAs(
  image: Sharp,
  format: OutputFormat,
  quality: number,
  progressive: boolean,
): Sharp {
  switch (format) {
    case 'jpeg':
      return image.jpeg({ quality, progressive, mozjpeg: false });
    case 'png':
      // Lossless: quality has no say; the size search can only fail, and says so.
      return image.png({ progressive, compressionLevel: 7 });
    case 'webp':
      return image.webp({ quality, effort: 4 });
    case 'avif':
      // effort 2: AVIF's default (4) costs several times the time for a few per cent.
      return image.avif({ quality, effort: 2 });
  }
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}
