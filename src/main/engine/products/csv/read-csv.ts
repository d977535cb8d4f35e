import type { CsvEncoding, CsvSeparator } from '../../../../shared/product-dto';
import { PackshotError } from '../../../../shared/errors';
import { CSV_LIMITS } from './csv-limits';
import { decodeCsv } from './decode-csv';
import { sniffSeparator } from './sniff-separator';
import { lazyModule } from '../../tools/lazy-module';

// Loaded with the first CSV read, not with the engine.
const csv = lazyModule<typeof import('csv-parse/sync')>('csv-parse/sync');

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

/**
 * Decodes, sniffs and parses a CSV file, keeping each row's starting line. With `keep`,
 * only the first `keep` rows are held (a preview of a 50 MB file), all of them counted.
 */
export function readCsv(bytes: Uint8Array, keep = Infinity): CsvTable & { rowCount: number } {
  const { text, encoding } = decodeCsv(bytes);
  const separator = sniffSeparator(text);
  // Line endings are '\n' (decodeCsv): a record spans one line plus its cells' newlines.
  let line = 1;
  let header: CsvRow | undefined;
  const rows: CsvRow[] = [];
  let rowCount = 0;
  try {
    // Blank lines are kept (as one empty cell) so that lines can be counted exactly; each
    // record is taken as it is read, and none is left for csv-parse to collect.
    csv().parse(text, {
      delimiter: separator,
      relax_column_count: true,
      on_record: (cells: string[]) => {
        const at = line;
        line += 1 + cells.reduce((n, cell) => n + countNewlines(cell), 0);
        if (!cells.some((c) => c.trim() !== '')) return null;
        if (header === undefined) header = { line: at, cells };
        else if (rowCount++ < keep) rows.push({ line: at, cells });
        return null;
      },
    });
  } catch (error) {
    // An unclosed quote swallows the rest of the file: nothing after it can be trusted.
    const message = error instanceof Error ? error.message : String(error);
    throw new PackshotError('invalid_argument', `The CSV cannot be read: ${message}`);
  }
  if (!header) throw new PackshotError('invalid_argument', 'The CSV is empty');
  const headers = header.cells.map((h) => h.trim());
  const long = headers.findIndex((h) => h.length > CSV_LIMITS.header);
  if (long !== -1)
    throw new PackshotError(
      'invalid_argument',
      `The CSV's header (line ${header.line}) has a column ${long + 1} of ${(headers[long] as string).length.toLocaleString('en-US')} characters, over the ${CSV_LIMITS.header} a column name may have: is the first line the header?`,
    );
  return { encoding, separator, headers, rows, rowCount };
}

function countNewlines(cell: string): number {
  let n = 0;
  for (let i = cell.indexOf('\n'); i !== -1; i = cell.indexOf('\n', i + 1)) n++;
  return n;
}
