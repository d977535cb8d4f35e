import { MAX_INPUT_PIXELS } from '../tools/sharp/render-thumbnail';

/** A failure whose message is already the reason to show. */
export class IndexFailure extends Error {}

/** Turns what sharp, libvips or the file system threw into a reason a person can act on. */
export function describeIndexError(error: unknown): string {
  if (error instanceof IndexFailure) return error.message;
  if ((error as NodeJS.ErrnoException | undefined)?.code) return describeFsError(error);
  const message = error instanceof Error ? error.message : String(error);
  const lower = message.toLowerCase();
  if (lower.includes('unsupported image format') || lower.includes('header has no format')) {
    return 'Not an image: the content is not JPEG, PNG, WebP, AVIF, TIFF, GIF or SVG';
  }
  if (lower.includes('due to failon')) {
    // libvips does not always say which warning it was; in practice a cut-off or corrupt file.
    return 'Truncated or damaged file: the decoder reported corrupt data';
  }
  if (lower.includes('pixel limit')) {
    return `Image too large: more than ${Math.round(MAX_INPUT_PIXELS / 1e6)} megapixels (a decompression bomb?)`;
  }
  if (['premature end', 'truncated', 'unexpected end', 'corrupt'].some((s) => lower.includes(s))) {
    return `Truncated or damaged file: ${firstLine(message)}`;
  }
  return `Could not decode image: ${firstLine(message)}`;
}

function firstLine(message: string): string {
  return message.split('\n')[0]?.trim().slice(0, 300) ?? message;
}

export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'Permission denied';
    case 'ENOENT':
      return 'File no longer exists';
    case 'ELOOP':
      return 'Symbolic link loop';
    case 'EISDIR':
      return 'Is a folder';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
