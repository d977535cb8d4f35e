// Image files this slice indexes, by extension. Formats sharp decodes with its bundled libvips.
const IMAGE_EXTENSIONS: ReadonlySet<string> = new Set([
  'jpg',
  'jpeg',
  'jpe',
  'png',
  'webp',
  'avif',
  'tif',
  'tiff',
  'gif',
]);

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot + 1).toLowerCase();
}

export function isIndexable(name: string): boolean {
  return IMAGE_EXTENSIONS.has(extensionOf(name));
}

/** Dotfiles and OS clutter are never catalogued. */
export function isIgnored(name: string): boolean {
  return (
    name.startsWith('.') ||
    name === 'Thumbs.db' ||
    name === 'desktop.ini' ||
    name === '$RECYCLE.BIN'
  );
}
