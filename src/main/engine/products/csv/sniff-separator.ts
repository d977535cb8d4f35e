import type { CsvSeparator } from '../../../../shared/product-dto';

const CANDIDATES: readonly CsvSeparator[] = [',', ';', '\t'];

/**
 * The separator is the candidate that occurs most often in the header line, outside quotes
 * (headers rarely hold separators; data cells often do: "Red, large"). Ties go to ','.
 */
export function sniffSeparator(text: string): CsvSeparator {
  const counts = new Map<CsvSeparator, number>(CANDIDATES.map((c) => [c, 0]));
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch as CsvSeparator))
      counts.set(ch as CsvSeparator, (counts.get(ch as CsvSeparator) ?? 0) + 1);
  }
  let best: CsvSeparator = ',';
  for (const c of CANDIDATES) if ((counts.get(c) ?? 0) > (counts.get(best) ?? 0)) best = c;
  return best;
}
