import type { AssetKind } from '../../../shared/dto';

/** How each extension is read. Anything not listed is catalogued as 'other'. */
const KIND_BY_EXTENSION: Record<string, AssetKind> = {
  jpg: 'image',
  jpeg: 'image',
  jpe: 'image',
  png: 'image',
  webp: 'image',
  avif: 'image',
  tif: 'image',
  tiff: 'image',
  gif: 'image',
  heic: 'image',
  heif: 'image',
  svg: 'vector',
  cr2: 'raw',
  cr3: 'raw',
  nef: 'raw',
  nrw: 'raw',
  arw: 'raw',
  dng: 'raw',
  raf: 'raw',
  orf: 'raw',
  rw2: 'raw',
  pef: 'raw',
  srw: 'raw',
  mp4: 'video',
  mov: 'video',
  m4v: 'video',
  webm: 'video',
  avi: 'video',
  mkv: 'video',
  pdf: 'document',
  glb: 'model',
  gltf: 'model',
  obj: 'model',
  fbx: 'model',
  usdz: 'model',
  stl: 'model',
};

/** What a decoder calls each format, per extension, to catch files named wrongly. */
const EXPECTED_FORMAT: Record<string, string> = {
  jpg: 'jpeg',
  jpeg: 'jpeg',
  jpe: 'jpeg',
  png: 'png',
  webp: 'webp',
  avif: 'avif',
  tif: 'tiff',
  tiff: 'tiff',
  gif: 'gif',
  svg: 'svg',
};

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot + 1).toLowerCase();
}

export function kindOf(name: string): AssetKind {
  // Own keys only: a file named x.constructor is not a kind.
  const ext = extensionOf(name);
  return Object.hasOwn(KIND_BY_EXTENSION, ext) ? (KIND_BY_EXTENSION[ext] as AssetKind) : 'other';
}

/** The decoder's format name the extension promises, or undefined when it promises none. */
export function expectedFormat(name: string): string | undefined {
  const ext = extensionOf(name);
  return Object.hasOwn(EXPECTED_FORMAT, ext) ? EXPECTED_FORMAT[ext] : undefined;
}

/** The format recorded for files Packshot does not decode: their extension. */
export function formatFromExtension(name: string): string | null {
  const ext = extensionOf(name);
  if (ext === 'jpg' || ext === 'jpe') return 'jpeg';
  if (ext === 'tif') return 'tiff';
  return ext === '' ? null : ext;
}
