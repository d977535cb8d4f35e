// The search for one keyword, in the search language: tag:"Path|To|Tag" (quoted, so
// spaces and parentheses in names survive the tokenizer).
export function tagQuery(path: string): string {
  // The language has no escape for a quote inside a phrase; such a name is searched
  // without its quotes (the match is on the stored path, so it may then find nothing).
  return `tag:"${path.replaceAll('"', '')}"`;
}
