// Rewrites a pattern written in JavaScript's syntax (what users paste and what rules were
// saved with) into RE2's, so it runs on a linear-time engine with the meaning it had.
// What RE2 cannot run in linear time (backreferences, lookaround) is refused here with the
// reason; the rest of the syntax check is RE2's own parser.

/** Why a pattern cannot be run in bounded time, in words for the user. */
export class PatternRefused extends Error {}

/** JavaScript's \s: ASCII space and the Unicode spaces RE2's ASCII-only \s leaves out. */
const JS_SPACE = String.raw`\t\n\x0B\f\r \x{A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}`;
const ANY = String.raw`\x{0}-\x{10FFFF}`;

const LOOKAROUND =
  'Lookaround ((?=…), (?!…), (?<=…), (?<!…)) is not supported: patterns run on a linear-time engine (RE2) so that no file name can hang the app';
const BACKREFERENCE =
  'Backreferences (\\1, \\k<name>) are not supported: no engine can match them in linear time, and patterns must not be able to hang the app';

/** The pattern in RE2 syntax; throws PatternRefused for what RE2 cannot bound. */
export function jsToRe2(pattern: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string;
    if (c === '\\') {
      const [text, used] = escape(pattern, i, inClass);
      out += text;
      i += used - 1;
    } else if (inClass) {
      if (c === ']') inClass = false;
      // A '[' inside a class is a literal in JavaScript; RE2 would read '[:' as a POSIX class.
      out += c === '[' ? '\\[' : c;
    } else if (c === '[') {
      // JavaScript's [^] is any character and [] is none; RE2 reads both as unclosed.
      if (pattern.startsWith('[^]', i)) {
        out += `[${ANY}]`;
        i += 2;
      } else if (pattern.startsWith('[]', i)) {
        out += `[^${ANY}]`;
        i += 1;
      } else {
        inClass = true;
        out += c;
        if (pattern[i + 1] === '^') out += pattern[++i] as string;
        // A ']' first in a class is a literal in RE2 but closes an empty class in JavaScript.
      }
    } else if (c === '(' && pattern[i + 1] === '?') {
      const next = pattern.slice(i + 2, i + 4);
      if (next[0] === '=' || next[0] === '!' || next === '<=' || next === '<!')
        throw new PatternRefused(LOOKAROUND);
      out += c;
    } else out += c;
  }
  return out;
}

/** One escape at `at` in RE2 syntax, and how many characters of the pattern it used. */
function escape(pattern: string, at: number, inClass: boolean): [string, number] {
  const c = pattern[at + 1] ?? '';
  const rest = pattern.slice(at + 2);
  if (/[1-9]/.test(c) || (c === 'k' && rest.startsWith('<')))
    throw new PatternRefused(BACKREFERENCE);
  if (c === '0' && !/^\d/.test(rest)) return ['\\x{0}', 2];
  if (c === 's') return [inClass ? JS_SPACE : `[${JS_SPACE}]`, 2];
  if (c === 'S' && !inClass) return [`[^${JS_SPACE}]`, 2];
  if (c === 'b' && inClass) return ['\\x{8}', 2];
  if (c === 'c' && /^[A-Za-z]/.test(rest))
    return [hex((rest.charCodeAt(0) & 0x1f).toString(16)), 3];
  if (c === 'u') return unicodeEscape(pattern, at);
  if (c === 'p' || c === 'P') {
    // \p{Script=Greek} and \p{gc=L} are JavaScript's spellings of RE2's \p{Greek} and \p{L}.
    const m = /^\{(?:Script|sc|General_Category|gc)=([A-Za-z_]+)\}/.exec(rest);
    if (m) return [`\\${c}{${m[1] ?? ''}}`, 2 + m[0].length];
  }
  return [pattern.slice(at, at + 2), 2];
}

/** \uXXXX (a surrogate pair read as one character) or \u{X…}, as RE2's \x{…}. */
function unicodeEscape(pattern: string, at: number): [string, number] {
  const braced = /^\\u\{([0-9A-Fa-f]{1,6})\}/.exec(pattern.slice(at));
  if (braced) return [hex(braced[1] ?? '0'), braced[0].length];
  const pair = /^\\u(d[89ab][0-9a-f]{2})\\u(d[c-f][0-9a-f]{2})/i.exec(pattern.slice(at));
  if (pair) {
    const high = Number.parseInt(pair[1] ?? '', 16);
    const low = Number.parseInt(pair[2] ?? '', 16);
    return [hex((((high - 0xd800) << 10) + (low - 0xdc00) + 0x10000).toString(16)), 12];
  }
  const single = /^\\u([0-9A-Fa-f]{4})/.exec(pattern.slice(at));
  if (single) return [hex(single[1] ?? '0'), 6];
  return ['u', 2];
}

function hex(digits: string): string {
  return `\\x{${digits}}`;
}
