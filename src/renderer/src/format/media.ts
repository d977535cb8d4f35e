// Labels for image facts in the preview: format, kind, dimensions, bit depth.

/** "jpeg" → "JPEG", "image/png" → "PNG"; null (not read yet) → "—". */
export function formatImageFormat(format: string | null): string {
  if (format === null || format.trim() === '') return '—';
  const bare = format
    .trim()
    .replace(/^image\//i, '')
    .toUpperCase();
  return bare === 'JPG' ? 'JPEG' : bare;
}

/** What kind of file, for a placeholder: the read format, else the extension ("MP4"). */
export function formatFileKind(format: string | null, name: string): string {
  if (format !== null && format.trim() !== '') return formatImageFormat(format);
  const dot = name.lastIndexOf('.');
  return dot > 0 && dot < name.length - 1 ? formatImageFormat(name.slice(dot + 1)) : 'FILE';
}

/** "1200 × 800 px"; "—" until the file has been read. */
export function formatDimensions(width: number | null, height: number | null): string {
  if (width === null || height === null) return '—';
  return `${width} × ${height} px`;
}

/** "8 bits per channel, with alpha". */
export function formatBitDepth(bits: number, hasAlpha: boolean | null): string {
  return `${bits} bits per channel${hasAlpha === true ? ', with alpha' : ''}`;
}
