import { parse } from 'csv-parse/sync';
import type { CsvEncoding, CsvSeparator } from '../../../../shared/product-dto';
import { PackshotError } from '../../../../shared/errors';
import { decodeCsv } from './decode-csv';
import { sniffSeparator } from './sniff-separator';

export interface CsvRow {
  /** Line in the file where the row starts (1 is the header). */
  line: number;
  cells: string[];
}

export interface CsvTable {
  encoding: CsvEncoding;
  separator: CsvSeparator;
  headers: string[];
  rows: CsvRow[];
}

interface Parsed {
  record: string[];
  raw: string;
  info: { lines: number };
}

/** Decodes, sniffs and parses a CSV file, keeping each row's starting line. */
export function readCsv(bytes: Uint8Array): CsvTable {
  const { text, encoding } = decodeCsv(bytes);
  const separator = sniffSeparator(text);
  let parsed: Parsed[];
  try {
    parsed = parse(text, {
      delimiter: separator,
      info: true,
      raw: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as Parsed[];
  } catch (error) {
    // An unclosed quote swallows the rest of the file: nothing after it can be trusted.
    const message = error instanceof Error ? error.message : String(error);
    throw new PackshotError('invalid_argument', `The CSV cannot be read: ${message}`);
  }
  const [header, ...body] = parsed;
  if (!header) throw new PackshotError('invalid_argument', 'The CSV is empty');
  const headers = header.record.map((h) => h.trim());
  const rows = body
    .map((p) => ({ line: startLine(p), cells: p.record }))
    .filter((r) => r.cells.some((c) => c.trim() !== ''));
  return { encoding, separator, headers, rows };
}

/** csv-parse counts lines up to a record's end; quoted newlines and skipped blank lines come off. */
function startLine(p: Parsed): number {
  const body = p.raw.replace(/^\n+/, '').replace(/\n$/, '');
  const inside = body.split('\n').length - 1;
  return p.info.lines - inside;
}
