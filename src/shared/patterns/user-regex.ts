// Users' regular expressions (intake rules, naming conventions, link rules) run on RE2
// (re2js, pure JavaScript): matching time is linear in the name's length whatever the
// pattern, so a pasted `([A-Z0-9]+-?)+_\d{2}` cannot freeze the engine. One compiler, one
// check: what is saved is exactly what runs.
import { RE2JS } from 're2js';
import { jsToRe2, PatternRefused } from './js-to-re2';

export { PatternRefused } from './js-to-re2';

export const MAX_PATTERN_LENGTH = 500;
const GROUP_NAME = /^[A-Za-z][A-Za-z0-9_]{0,39}$/;

export interface RegexMatch {
  /** Named groups; a group that took no part in the match is undefined. */
  groups: Record<string, string | undefined>;
}

export interface UserRegex {
  /** The first match anywhere in `input`, like RegExp.exec. */
  exec(input: string): RegexMatch | null;
  /** True when the pattern matches the whole of `input`. */
  matchesWhole(input: string): boolean;
}

/** The names of a pattern's named groups, in order: (?<name>…) and RE2's (?P<name>…). */
export function groupNames(pattern: string): string[] {
  return [...pattern.matchAll(/\(\?P?<(?![=!])([^>]*)>/g)].map((m) => m[1] ?? '');
}

/**
 * Compiles a pattern written in JavaScript's syntax; throws PatternRefused saying why when
 * it cannot run in linear time or is not a valid pattern.
 */
export function compileUserRegex(pattern: string, ignoreCase = false): UserRegex {
  let re: RE2JS;
  try {
    re = RE2JS.compile(jsToRe2(pattern), ignoreCase ? RE2JS.CASE_INSENSITIVE : 0);
  } catch (error) {
    if (error instanceof PatternRefused) throw error;
    throw new PatternRefused(reason(pattern, error));
  }
  return {
    exec: (input) => {
      // The DFA answers "no" without tracking groups, ~100× faster: most names miss most rules.
      if (!re.test(input)) return null;
      const m = re.exec(input) as (string[] & { groups?: RegexMatch['groups'] }) | null;
      return m ? { groups: { ...m.groups } } : null;
    },
    matchesWhole: (input) => re.testExact(input),
  };
}

/** Why a pattern is refused, or null when it is fine. */
export function patternProblem(pattern: string, ignoreCase = false): string | null {
  if (pattern.length > MAX_PATTERN_LENGTH)
    return `A pattern may be at most ${MAX_PATTERN_LENGTH} characters long`;
  // Group names become tag names: say so before RE2 gives its own, vaguer complaint.
  for (const name of groupNames(pattern)) {
    if (!GROUP_NAME.test(name))
      return `Group name '${name}' must start with a letter and hold only letters, digits and _`;
  }
  try {
    compileUserRegex(pattern, ignoreCase);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** RE2's complaint in the user's words: JavaScript's when the pattern is broken in both. */
function reason(pattern: string, error: unknown): string {
  const message =
    error instanceof Error ? error.message.replace(/^error parsing regexp: /, '') : String(error);
  try {
    new RegExp(pattern);
  } catch (jsError) {
    return `Not a valid regular expression: ${jsError instanceof Error ? jsError.message : String(jsError)}`;
  }
  if (message.startsWith('invalid repeat count'))
    return `A repeat count may be at most 1000, nested repeats included (${message})`;
  return `Not supported by the linear-time pattern engine (RE2): ${message}`;
}
