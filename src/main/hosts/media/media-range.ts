// One reading of a media request for both hosts (the HTTP bridge and Electron's protocol):
// which bytes of the file to send, with what status and headers. A <video> seeks with
// Range requests and will not play (or seek) from a server that ignores them.
import { extname } from 'node:path';

export type MediaReply =
  | { status: 200 | 206; start: number; end: number; headers: Record<string, string> }
  | { status: 416; headers: Record<string, string> };

// A Map, not an object: an extension named `constructor` must not find Object's prototype.
const TYPES = new Map<string, string>(
  Object.entries({
    '.webp': 'image/webp',
    '.png': 'image/png',
    '.jpg': 'image/jpeg',
    '.mp4': 'video/mp4',
    '.m4v': 'video/mp4',
    '.mov': 'video/quicktime',
    '.webm': 'video/webm',
    '.mkv': 'video/x-matroska',
    '.avi': 'video/x-msvideo',
  }),
);

export function mediaType(file: string): string {
  return TYPES.get(extname(file).toLowerCase()) ?? 'application/octet-stream';
}

/**
 * The reply to a GET of a file of `size` bytes with this Range header: the whole file
 * (200), one range (206: `bytes=a-b`, `bytes=a-`, `bytes=-n`), or 416 for a range outside
 * the file. Several ranges at once are answered with the whole file, as RFC 9110 allows.
 */
export function planMediaReply(
  file: string,
  size: number,
  range: string | undefined | null,
): MediaReply {
  const common = { 'content-type': mediaType(file), 'accept-ranges': 'bytes' };
  const whole = (): MediaReply => ({
    status: 200,
    start: 0,
    end: size - 1,
    headers: { ...common, 'content-length': String(size) },
  });
  const match = range ? /^bytes=(\d*)-(\d*)$/.exec(range.trim()) : null;
  if (!match || (match[1] === '' && match[2] === '')) return whole();
  let start: number;
  let end: number;
  if (match[1] === '') {
    // A suffix: the last n bytes.
    const n = Number(match[2]);
    if (n === 0) return unsatisfiable(size, common);
    start = Math.max(0, size - n);
    end = size - 1;
  } else {
    start = Number(match[1]);
    end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  }
  if (!Number.isSafeInteger(start) || start >= size || end < start)
    return unsatisfiable(size, common);
  return {
    status: 206,
    start,
    end,
    headers: {
      ...common,
      'content-length': String(end - start + 1),
      'content-range': `bytes ${start}-${end}/${size}`,
    },
  };
}

function unsatisfiable(size: number, common: Record<string, string>): MediaReply {
  return { status: 416, headers: { ...common, 'content-range': `bytes */${size}` } };
}
