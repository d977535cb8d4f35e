// FOUNDATION PLACEHOLDER (H1 (ai-core) fills it in): the search language's terms for
// ai, compiled over `assets a`.
export const AI_FIELDS = ['ai'] as const;

/** SQL for one of these terms, or undefined when `name` is not one; `fail` throws the query error. */
export function aiTerm(
  name: string,
  raw: string,
  quoted: boolean,
  params: unknown[],
  fail: (message: string) => never,
): string | undefined {
  if (!(AI_FIELDS as readonly string[]).includes(name)) return undefined;
  void raw;
  void quoted;
  void params;
  return fail(`${name}: is not built yet`);
}
