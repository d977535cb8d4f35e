// FOUNDATION PLACEHOLDER (H2 (faces) fills it in): the search language's terms for
// people, release, face, compiled over `assets a`.
export const PEOPLE_FIELDS = ['people', 'release', 'face'] as const;

/** SQL for one of these terms, or undefined when `name` is not one; `fail` throws the query error. */
export function peopleTerm(
  name: string,
  raw: string,
  quoted: boolean,
  params: unknown[],
  fail: (message: string) => never,
): string | undefined {
  if (!(PEOPLE_FIELDS as readonly string[]).includes(name)) return undefined;
  void raw;
  void quoted;
  void params;
  return fail(`${name}: is not built yet`);
}
