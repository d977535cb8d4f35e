// Checks a user's regular expression before it is stored or run: it must compile, stay
// short, avoid nested quantifiers (the classic catastrophic backtracking shape) and name
// its groups plainly, since group names become tag names.

export const MAX_PATTERN_LENGTH = 500;
const GROUP_NAME = /^[A-Za-z][A-Za-z0-9_]{0,39}$/;
/** A group that ends in a quantifier and is itself quantified: (a+)+, (\w*)*, (x{2,})+. */
const NESTED_QUANTIFIER = /\((?:[^()\\]|\\.)*(?:[*+]|\{\d+,?\d*\})\)(?:[*+]|\{\d+,?\d*\})/;

/** The names of a pattern's named groups, in order (lookbehinds are not groups). */
export function groupNames(pattern: string): string[] {
  return [...pattern.matchAll(/\(\?<(?![=!])([^>]*)>/g)].map((m) => m[1] ?? '');
}

/** Why a pattern is refused, or null when it is fine. */
export function patternProblem(pattern: string, ignoreCase = false): string | null {
  if (pattern.length > MAX_PATTERN_LENGTH)
    return `A pattern may be at most ${MAX_PATTERN_LENGTH} characters long`;
  try {
    new RegExp(pattern, ignoreCase ? 'i' : '');
  } catch (error) {
    return `Not a valid regular expression: ${error instanceof Error ? error.message : String(error)}`;
  }
  if (NESTED_QUANTIFIER.test(pattern))
    return 'A quantified group that repeats a quantifier, like (a+)+, can take forever: rewrite it';
  for (const name of groupNames(pattern)) {
    if (!GROUP_NAME.test(name))
      return `Group name '${name}' must start with a letter and hold only letters, digits and _`;
  }
  return null;
}
