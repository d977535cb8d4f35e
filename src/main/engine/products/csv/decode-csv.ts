import type { CsvEncoding } from '../../../../shared/product-dto';

/**
 * Bytes → text. In order: a byte-order mark (UTF-8, UTF-16 LE or BE); UTF-16 without one
 * when the NULs say so (Excel's "Unicode text" and many Windows exports); UTF-8 when the
 * bytes are valid UTF-8; otherwise Windows-1252, which Excel on Windows writes and which
 * decodes any byte. Line endings become '\n' (CRLF, CR and mixed files alike), so lines
 * count one way.
 */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return {
      text: unify(new TextDecoder('utf-8').decode(bytes.subarray(3))),
      encoding: 'utf-8-bom',
    };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: utf16(bytes.subarray(2), 'le'), encoding: 'utf-16le-bom' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: utf16(bytes.subarray(2), 'be'), encoding: 'utf-16be-bom' };
  const order = utf16Order(bytes);
  if (order === 'le') return { text: utf16(bytes, 'le'), encoding: 'utf-16le' };
  if (order === 'be') return { text: utf16(bytes, 'be'), encoding: 'utf-16be' };
  try {
    return {
      text: unify(new TextDecoder('utf-8', { fatal: true }).decode(bytes)),
      encoding: 'utf-8',
    };
  } catch {
    return { text: unify(decode1252(bytes)), encoding: 'windows-1252' };
  }
}

const SAMPLE_BYTES = 64 * 1024;

/**
 * UTF-16 without a mark, only when unmistakable: an even number of bytes, and in the first
 * 64 KB, NULs in at least 40 % of one byte of each pair and in at most 2 % of the other.
 * Latin text in UTF-16 has a NUL in nearly every high byte; UTF-8 and Windows-1252 CSVs
 * have none, and a file with a stray NUL or two does not come near these ratios.
 */
export function utf16Order(bytes: Uint8Array): 'le' | 'be' | null {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return null;
  const end = Math.min(bytes.length, SAMPLE_BYTES);
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i + 1 < end; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = Math.floor(end / 2);
  if (oddNul >= pairs * 0.4 && evenNul <= pairs * 0.02) return 'le';
  if (evenNul >= pairs * 0.4 && oddNul <= pairs * 0.02) return 'be';
  return null;
}

/** An odd trailing byte or a lone surrogate decodes as U+FFFD rather than failing the file. */
function utf16(bytes: Uint8Array, order: 'le' | 'be'): string {
  let le = bytes;
  if (order === 'be') {
    le = new Uint8Array(bytes.length);
    for (let i = 0; i + 1 < bytes.length; i += 2) {
      le[i] = bytes[i + 1] as number;
      le[i + 1] = bytes[i] as number;
    }
    if (bytes.length % 2 === 1) le[bytes.length - 1] = bytes[bytes.length - 1] as number;
  }
  return unify(new TextDecoder('utf-16le').decode(le));
}

/** 0x80–0x9F in Windows-1252 (undefined bytes keep their code point, as browsers do). */
const HIGH = '€\x81‚ƒ„…†‡ˆ‰Š‹Œ\x8DŽ\x8F\x90‘’“”•–—˜™š›œ\x9DžŸ';
const TABLE: string[] = Array.from({ length: 256 }, (_, byte) =>
  byte >= 0x80 && byte <= 0x9f ? (HIGH[byte - 0x80] as string) : String.fromCharCode(byte),
);

/**
 * Node's TextDecoder may treat windows-1252 as Latin-1, losing €, “ ” and friends. Built in
 * slices joined once: a character at a time over a 50 MB file is needlessly slow.
 */
function decode1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const SLICE = 8192;
  for (let start = 0; start < bytes.length; start += SLICE) {
    const end = Math.min(bytes.length, start + SLICE);
    let part = '';
    for (let i = start; i < end; i++) part += TABLE[bytes[i] as number];
    parts.push(part);
  }
  return parts.join('');
}

function unify(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}
