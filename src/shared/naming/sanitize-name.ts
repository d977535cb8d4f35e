// One path segment (a folder or file name) that is safe on Windows, macOS and Linux, from
// text a user's data controls (SKUs, names, attributes).

/** Windows refuses these as names, with any extension (CON.jpg too). */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;
/** Separators, characters Windows forbids, and control characters. */
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[/\\:*?"<>|\u0000-\u001f\u007f-\u009f]/g;
/** Common file systems allow 255 bytes per name; leave room for a collision suffix. */
export const MAX_SEGMENT_BYTES = 200;

const encoder = new TextEncoder();

/**
 * Sanitises one segment: NFC, forbidden characters become '_', no leading or trailing dots
 * and spaces, no reserved device names, at most `maxBytes` of UTF-8 (cut on a character
 * boundary, keeping the extension). Never returns '', '.' or '..'.
 */
export function sanitizeSegment(raw: string, maxBytes = MAX_SEGMENT_BYTES): string {
  let name = raw.normalize('NFC').replace(FORBIDDEN, '_');
  name = name.replace(/^[\s.]+|[\s.]+$/g, '');
  if (name === '') name = '_';
  // Checked after the cut too: 'CON' then 250 spaces and a letter is cut back to 'CON'.
  name = truncateBytes(name, maxBytes);
  return RESERVED.test(name) ? truncateBytes(`_${name}`, maxBytes) : name;
}

/** Cuts a name to maxBytes of UTF-8 on a code point boundary, keeping a short extension. */
export function truncateBytes(name: string, maxBytes: number): string {
  // A UTF-16 unit is at most 3 bytes of UTF-8: most names need no encoding to know.
  if (name.length * 3 <= maxBytes || byteLength(name) <= maxBytes) return name;
  const dot = name.lastIndexOf('.');
  let ext = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : '';
  // An extension that leaves no room for a character of the stem is cut like the rest.
  if (byteLength(ext) >= maxBytes) ext = '';
  const stem = ext ? name.slice(0, dot) : name;
  const budget = maxBytes - byteLength(ext);
  let out = '';
  let used = 0;
  for (const ch of stem) {
    const size = byteLength(ch);
    if (used + size > budget) break;
    out += ch;
    used += size;
  }
  // The cut may have left a trailing dot or space.
  return `${out.replace(/[\s.]+$/, '') || '_'}${ext}`;
}

export function byteLength(text: string): number {
  return encoder.encode(text).length;
}
