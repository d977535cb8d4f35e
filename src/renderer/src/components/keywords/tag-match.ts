// Autocomplete for keywords: which tags match what is typed (any level of the path,
// case-insensitive), best first, and whether to offer creating the typed path.
import type { Tag } from '../../../../shared/dto';

export const MAX_SUGGESTIONS = 12;

export type Suggestion = { kind: 'tag'; tag: Tag } | { kind: 'create'; path: string };

/** Cleans typed text into a tag path: levels trimmed, empty levels dropped. */
export function normalizePath(text: string): string {
  return text
    .split('|')
    .map((level) => level.trim())
    .filter((level) => level !== '')
    .join('|');
}

/**
 * Tags whose path has a level containing the text (or whose path contains it, for typed
 * 'Shoes|Sne'); levels that start with it rank first, then shorter paths. When no tag's
 * path is exactly the typed one, a "create" entry comes last.
 */
export function suggest(tags: readonly Tag[], text: string): Suggestion[] {
  const path = normalizePath(text);
  if (path === '') return [];
  const needle = path.toLowerCase();
  const scored: Array<{ tag: Tag; score: number }> = [];
  for (const tag of tags) {
    const full = tag.path.toLowerCase();
    const levels = full.split('|');
    let score: number;
    if (full === needle) score = 0;
    else if (levels.some((level) => level.startsWith(needle)) || full.startsWith(needle)) score = 1;
    else if (full.includes(needle)) score = 2;
    else continue;
    scored.push({ tag, score });
  }
  scored.sort(
    (a, b) =>
      a.score - b.score ||
      a.tag.path.length - b.tag.path.length ||
      a.tag.path.localeCompare(b.tag.path),
  );
  const found: Suggestion[] = scored
    .slice(0, MAX_SUGGESTIONS)
    .map(({ tag }) => ({ kind: 'tag', tag }));
  const exact = scored.some(({ score }) => score === 0);
  return exact ? found : [...found, { kind: 'create', path }];
}
