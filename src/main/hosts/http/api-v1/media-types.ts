// A file's MIME type by its format, and its content version (the hash prefix `?v=` carries).
import type { AssetKind } from '../../../../shared/dto';

const MIME: Record<string, string> = {
  jpeg: 'image/jpeg',
  jpg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  avif: 'image/avif',
  gif: 'image/gif',
  tiff: 'image/tiff',
  tif: 'image/tiff',
  heic: 'image/heic',
  heif: 'image/heif',
  svg: 'image/svg+xml',
  psd: 'image/vnd.adobe.photoshop',
  mp4: 'video/mp4',
  m4v: 'video/mp4',
  mov: 'video/quicktime',
  webm: 'video/webm',
  mkv: 'video/x-matroska',
  pdf: 'application/pdf',
  glb: 'model/gltf-binary',
  gltf: 'model/gltf+json',
  usdz: 'model/vnd.usdz+zip',
};

/**
 * By the file's extension first: the engine names a format as its reader does (ffprobe says
 * 'mov' for an MP4, one family). Camera raw formats have no type browsers know.
 */
export function mimeOf(name: string, format: string | null, kind: AssetKind): string {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  const known = (ext && MIME[ext]) ?? (format ? MIME[format.toLowerCase()] : undefined);
  if (known) return known;
  return kind === 'raw' ? 'image/x-raw' : 'application/octet-stream';
}

/** The first 16 hex digits of the SHA-256 of the content: enough to tell versions apart. */
export function contentVersionOf(hash: string | null): string | null {
  return hash && /^[0-9a-f]{64}$/.test(hash) ? hash.slice(0, 16) : null;
}
