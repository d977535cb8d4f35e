/**
 * One FTS5 term: a quoted phrase, or a word matched as a prefix. Quoted with its own quotes
 * doubled, the user's text is never FTS5 syntax: `*`, `OR`, `NEAR(` and `"` are only text.
 */
export function ftsTerm(value: string, phrase: boolean): string {
  const quoted = `"${value.replaceAll('"', '""')}"`;
  return phrase ? quoted : `${quoted}*`;
}
