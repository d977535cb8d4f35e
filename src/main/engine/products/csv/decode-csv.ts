import type { CsvEncoding } from '../../../../shared/product-dto';

/**
 * Bytes → text. UTF-8 (with or without a byte-order mark) when the bytes are valid UTF-8;
 * otherwise Windows-1252, which Excel on Windows writes and which decodes any byte.
 * Line endings become '\n' (CRLF, CR and mixed files alike), so lines count one way.
 */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return {
      text: unify(new TextDecoder('utf-8').decode(bytes.subarray(3))),
      encoding: 'utf-8-bom',
    };
  }
  try {
    return {
      text: unify(new TextDecoder('utf-8', { fatal: true }).decode(bytes)),
      encoding: 'utf-8',
    };
  } catch {
    return { text: unify(decode1252(bytes)), encoding: 'windows-1252' };
  }
}

/** 0x80–0x9F in Windows-1252 (undefined bytes keep their code point, as browsers do). */
const HIGH = '€\x81‚ƒ„…†‡ˆ‰Š‹Œ\x8DŽ\x8F\x90‘’“”•–—˜™š›œ\x9DžŸ';

/** Node's TextDecoder may treat windows-1252 as Latin-1, losing €, “ ” and friends. */
function decode1252(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes)
    out += byte >= 0x80 && byte <= 0x9f ? HIGH[byte - 0x80] : String.fromCharCode(byte);
  return out;
}

function unify(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}
