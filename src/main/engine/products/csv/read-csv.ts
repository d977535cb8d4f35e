import { parse } from 'csv-parse/sync';
import type { CsvEncoding, CsvSeparator } from '../../../../shared/product-dto';
import { PackshotError } from '../../../../shared/errors';
import { CSV_LIMITS } from './csv-limits';
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

/** Decodes, sniffs and parses a CSV file, keeping each row's starting line. */
export function readCsv(bytes: Uint8Array): CsvTable {
  const { text, encoding } = decodeCsv(bytes);
  const separator = sniffSeparator(text);
  let parsed: string[][];
  try {
    // Blank lines are kept (as one empty cell) so that lines can be counted exactly.
    parsed = parse(text, { delimiter: separator, relax_column_count: true });
  } catch (error) {
    // An unclosed quote swallows the rest of the file: nothing after it can be trusted.
    const message = error instanceof Error ? error.message : String(error);
    throw new PackshotError('invalid_argument', `The CSV cannot be read: ${message}`);
  }
  // Line endings are '\n' (decodeCsv): a record spans one line plus its cells' newlines.
  let line = 1;
  const numbered = parsed.map((cells) => {
    const at = line;
    line += 1 + cells.reduce((n, cell) => n + countNewlines(cell), 0);
    return { line: at, cells };
  });
  const nonBlank = numbered.filter((r) => r.cells.some((c) => c.trim() !== ''));
  const [header, ...rows] = nonBlank;
  if (!header) throw new PackshotError('invalid_argument', 'The CSV is empty');
  const headers = header.cells.map((h) => h.trim());
  const long = headers.findIndex((h) => h.length > CSV_LIMITS.header);
  if (long !== -1)
    throw new PackshotError(
      'invalid_argument',
      `The CSV's header (line ${header.line}) has a column ${long + 1} of ${(headers[long] as string).length.toLocaleString('en-US')} characters, over the ${CSV_LIMITS.header} a column name may have: is the first line the header?`,
    );
  return { encoding, separator, headers, rows };
}

function countNewlines(cell: string): number {
  let n = 0;
  for (let i = cell.indexOf('\n'); i !== -1; i = cell.indexOf('\n', i + 1)) n++;
  return n;
}
