import type { CsvEncoding } from '../../../../shared/product-dto';

/**
 * Bytes → text. UTF-8 (with or without a byte-order mark) when the bytes are valid UTF-8;
 * otherwise Windows-1252, which Excel on Windows writes and which decodes any byte.
 */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}
