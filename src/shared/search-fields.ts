// What the search language's terms read, shared by the engine (parse-query.ts's state
// words) and the renderer (which grids refetch on `assets.changed { only: 'ai' }`), so the
// two cannot drift. The engine's search-fields test compiles every term named here and
// proves its SQL reads none of the tables the offline AI writes; and every field the
// engine knows is either listed here or read as reading AI results.

/** Fields of the search language that AI results do not feed (see compile-query.ts). */
export const NOT_AI_FIELDS: ReadonlySet<string> = new Set([
  'tag',
  'keyword',
  'format',
  'camera',
  'taken',
  'folder',
  'name',
  'naming',
  'kind',
  'color',
  'colour',
  'label',
  'flag',
  'sku',
  'product',
  'no',
  'rights',
  'licence',
  'license',
  'approval',
  'audio',
  'codec',
]);

/** State words: the index's and the user's (a bare word the parser reads as a flag). */
export const STATE_WORDS: ReadonlySet<string> = new Set([
  'missing',
  'error',
  'errors',
  'dupes',
  'duplicates',
  'offline',
  'similar',
  'violation',
  'violations',
]);

const LOGIC = new Set(['and', 'or', 'not']);

/**
 * Whether a search can find different rows once the offline AI has written results: free
 * words and phrases (ai_words), by meaning (~, like:), ai:, faces (people:, face:,
 * release:), text:. Conservative: a word or field not known to read only the asset's own
 * row, tags, products or rights counts as reading AI results; comparisons (width>=2000,
 * duration>30) read the asset's own facts. Tokens as parse-query.ts cuts them.
 */
export function queryReadsAi(query: string): boolean {
  const tokens = [...query.matchAll(/"[^"]*"?|[^\s"()]+/g)];
  for (let i = 0; i < tokens.length; i++) {
    const match = tokens[i]!;
    const raw = match[0];
    const token = raw.replace(/^-+/, '');
    if (token === '') {
      // '-' is NOT only before a term; before a space, ')' or the end it is a free word.
      const next = query[match.index + raw.length];
      if (next === '"' || next === '(') continue;
      return true;
    }
    if (token.startsWith('"')) return true;
    if (token.startsWith('~')) return true;
    const lower = token.toLowerCase();
    if (LOGIC.has(lower) || STATE_WORDS.has(lower)) continue;
    if (/^[a-z]+(>=|<=|>|<|=)/i.test(token)) continue;
    const field = /^([a-z]+):/i.exec(token)?.[1]?.toLowerCase();
    if (field === undefined || !NOT_AI_FIELDS.has(field)) return true;
    // field:"two words": the phrase belongs to the field only when the field has no value
    // of its own (tag:a: "b" is tag:a: and the free phrase "b").
    if (token.indexOf(':') === token.length - 1 && tokens[i + 1]?.[0].startsWith('"')) i++;
  }
  return false;
}
