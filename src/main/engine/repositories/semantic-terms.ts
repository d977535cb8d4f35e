// FOUNDATION PLACEHOLDER (H5 (semantic) fills it in): the search language's terms for
// like, compiled over `assets a`.
export const SEMANTIC_FIELDS = ['like'] as const;

/** SQL for one of these terms, or undefined when `name` is not one; `fail` throws the query error. */
export function semanticTerm(
  name: string,
  raw: string,
  quoted: boolean,
  params: unknown[],
  fail: (message: string) => never,
): string | undefined {
  if (!(SEMANTIC_FIELDS as readonly string[]).includes(name)) return undefined;
  void raw;
  void quoted;
  void params;
  return fail(`${name}: is not built yet`);
}
