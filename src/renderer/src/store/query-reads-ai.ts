// Whether a search can find different rows once the offline AI has written results: what
// it found and read (free words and text: also search ai_words), by meaning (~, like:),
// ai: states and faces (people:, face:, release:). The AI job says so with
// `assets.changed { only: 'ai' }`, every 16 images; a list whose query reads none of
// these keeps its pages. Conservative: a word or field not known to read only the asset's
// own row, tags, products or rights counts as reading AI results.

/** Fields of the search language that AI results do not feed (see parse-query.ts). */
const NOT_AI_FIELDS = new Set([
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
  'rating',
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

/** State words: the index's and the user's (parse-query.ts STATE_WORDS). */
const STATE_WORDS = new Set([
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

export function queryReadsAi(query: string): boolean {
  // Words and "phrases"; a phrase is free text (what the AI read is searched too), and so
  // is field:"a phrase" only when its field is not known: the field decides.
  const tokens = query.match(/"[^"]*"?|[^\s"()]+/g) ?? [];
  for (let i = 0; i < tokens.length; i++) {
    const token = (tokens[i] ?? '').replace(/^-+/, '');
    if (token === '') continue;
    if (token.startsWith('"')) return true;
    if (token.startsWith('~')) return true;
    const lower = token.toLowerCase();
    if (LOGIC.has(lower) || STATE_WORDS.has(lower)) continue;
    // Comparisons (width>=2000, rating>3, duration>30) read the asset's own facts.
    if (/^[a-z]+(>=|<=|>|<|=)/i.test(token)) continue;
    const field = /^([a-z]+):/i.exec(token)?.[1]?.toLowerCase();
    if (field === undefined || !NOT_AI_FIELDS.has(field)) return true;
    // field:"two words": the phrase belongs to the field.
    if (token.endsWith(':') && tokens[i + 1]?.startsWith('"')) i++;
  }
  return false;
}
