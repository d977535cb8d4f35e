// The search language's terms by meaning and look, compiled over `assets a`:
// - `~"red shoe on rocks"`: images whose CLIP vector is near the text's;
// - `like:<asset id>`: images like that one (by their vectors, else by perceptual hash and
//   dominant colours).
// Both select through ai_similar(kind, value) and rank through ai_similarity(kind, value,
// a.id): functions SemanticIndex (semantic-index.ts) registers on the connection, which
// hold the vectors in memory. A term not under NOT also orders the list (rankOrder).
export const SEMANTIC_FIELDS = ['like'] as const;

/** One ranking term of a query: what ai_similar and ai_similarity are called with. */
export interface RankTerm {
  kind: 'text' | 'like';
  value: string;
}

/** `~"…"`: the text is a parameter; SemanticIndex finds its vector, embedded beforehand. */
export function semanticText(value: string, params: unknown[], ranks: RankTerm[]): string {
  return select({ kind: 'text', value }, params, ranks);
}

/** SQL for one of these terms, or undefined when `name` is not one; `fail` throws the query error. */
export function semanticTerm(
  name: string,
  raw: string,
  quoted: boolean,
  params: unknown[],
  fail: (message: string) => never,
  ranks: RankTerm[] = [],
): string | undefined {
  if (!(SEMANTIC_FIELDS as readonly string[]).includes(name)) return undefined;
  void quoted;
  const id = raw.trim();
  if (!/^[1-9]\d{0,15}$/.test(id))
    return fail(`like: wants an asset's id, like:123 (the images that look like asset 123)`);
  return select({ kind: 'like', value: id }, params, ranks);
}

function select(term: RankTerm, params: unknown[], ranks: RankTerm[]): string {
  params.push(term.kind, term.value);
  ranks.push(term);
  // The + keeps SQLite from driving the list by these ids: it walks its order's index and
  // probes the set (built once per query), as the other id-set terms do.
  return '+a.id IN (SELECT id FROM ai_similar(?, ?))';
}

/**
 * ORDER BY the best similarity among the query's ranking terms (best first); undefined
 * without any. Rows that match through another branch of an OR (no similarity) come last.
 */
export function rankOrder(
  ranks: readonly RankTerm[],
): { sql: string; params: unknown[] } | undefined {
  if (ranks.length === 0) return undefined;
  const one = 'coalesce(ai_similarity(?, ?, a.id), -2)';
  const sql = ranks.length === 1 ? one : `max(${ranks.map(() => one).join(', ')})`;
  return { sql: `${sql} DESC`, params: ranks.flatMap((r) => [r.kind, r.value]) };
}
