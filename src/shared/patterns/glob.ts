// Globs (folder mappings, ignore lists) compiled to RE2 rather than to picomatch's
// backtracking RegExp, where `*a*a*a*a*a*a*a*a*b` took 18 s on a 60-character name.
// Follows picomatch's syntax with { dot: true }: * and ? stop at '/', ** as a whole segment
// spans folders, [...] / [!...], {a,b} and {1..3}, extglobs @() ?() *() +(), a leading !
// negates. !(...) inside a glob cannot be said in RE2 and is refused.
import { RE2JS } from 're2js';
import { PatternRefused } from './js-to-re2';

export const MAX_GLOB_LENGTH = 500;
const MAX_RANGE = 1000;
const EXTGLOB = new Set(['@', '?', '*', '+', '!']);

/** A compiled glob: true when the '/'-separated relative path matches. */
export type GlobTest = (path: string) => boolean;

/** Matches when any of the globs matches; throws PatternRefused naming the bad one. */
export function compileGlobs(globs: readonly string[], nocase = true): GlobTest {
  const tests = globs.map((g) => compileGlob(g, nocase));
  return (path) => tests.some((t) => t(path));
}

export function compileGlob(glob: string, nocase = true): GlobTest {
  const negated = /^!(?!\()/.test(glob);
  const body = (negated ? glob.slice(1) : glob).replace(/^(\.\/)+/, '');
  let re: RE2JS;
  try {
    re = RE2JS.compile(globToRe2(body), RE2JS.DOTALL | (nocase ? RE2JS.CASE_INSENSITIVE : 0));
  } catch (error) {
    if (error instanceof PatternRefused) throw new PatternRefused(`Glob ${glob}: ${error.message}`);
    throw new PatternRefused(
      `Glob ${glob} is not supported: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  // picomatch matches no empty path, negated or not.
  return (path) => path !== '' && re.testExact(path) !== negated;
}

/** Why a glob is refused, or null when it is fine. */
export function globProblem(glob: string): string | null {
  if (glob.length > MAX_GLOB_LENGTH)
    return `A glob may be at most ${MAX_GLOB_LENGTH} characters long`;
  try {
    compileGlob(glob);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** The RE2 source (to be matched whole) of a glob. */
export function globToRe2(glob: string): string {
  const parser = new GlobParser(glob);
  const out = parser.sequence('');
  if (parser.at < glob.length) throw new PatternRefused(`unexpected '${glob[parser.at] ?? ''}'`);
  return out;
}

class GlobParser {
  at = 0;
  constructor(private readonly glob: string) {}

  /** Reads until one of `stops` (not consumed) or the end. */
  sequence(stops: string): string {
    const g = this.glob;
    let out = '';
    while (this.at < g.length && !stops.includes(g[this.at] as string)) {
      const c = g[this.at] as string;
      if (EXTGLOB.has(c) && g[this.at + 1] === '(') out += this.extglob(c);
      else if (c === '*' && g[this.at + 1] === '*' && this.wholeSegment()) out = this.globstar(out);
      else if (c === '*') {
        while (g[this.at] === '*') this.at++;
        out += '[^/]*';
      } else if (c === '?') {
        this.at++;
        out += '[^/]';
      } else if (c === '[') out += this.charClass();
      else if (c === '{') out += this.braces();
      else if (c === '\\') {
        out += quote(g[this.at + 1] ?? '\\');
        this.at += 2;
      } else {
        out += quote(c);
        this.at++;
      }
    }
    return out;
  }

  /** `**` alone between slashes (or the ends): it spans any number of folders. */
  private wholeSegment(): boolean {
    const before = this.at === 0 || this.glob[this.at - 1] === '/';
    const after = this.glob[this.at + 2];
    return before && (after === undefined || after === '/');
  }

  // `out` followed by a globstar: '**' + '/' is any folders or none; a trailing '/**'
  // also matches the folder itself ('a/**' matches 'a').
  private globstar(out: string): string {
    this.at += 2;
    if (this.glob[this.at] === '/') {
      this.at++;
      return `${out}(?:.*/)?`;
    }
    if (out.endsWith('/')) return `${out.slice(0, -1)}(?:/.*)?`;
    return `${out}.*`;
  }

  private extglob(kind: string): string {
    if (kind === '!')
      throw new PatternRefused('!(…) cannot be matched by the linear-time engine (RE2)');
    this.at += 2;
    const options = this.alternatives(')');
    const group = `(?:${options.join('|')})`;
    return group + ({ '@': '', '?': '?', '*': '*', '+': '+' }[kind] ?? '');
  }

  private braces(): string {
    const range = /^\{(-?\d+|[A-Za-z])\.\.(-?\d+|[A-Za-z])\}/.exec(this.glob.slice(this.at));
    if (range) {
      this.at += range[0].length;
      return `(?:${expandRange(range[1] ?? '', range[2] ?? '')
        .map(quote)
        .join('|')})`;
    }
    const start = this.at;
    this.at++;
    const options = this.alternatives('}', ',');
    // '{a}' without a comma is a literal in picomatch.
    if (options.length < 2) return [...this.glob.slice(start, this.at)].map(quote).join('');
    return `(?:${options.join('|')})`;
  }

  /** Options separated by '|' or `sep`, up to `close` (consumed). */
  private alternatives(close: string, sep = '|'): string[] {
    const options: string[] = [];
    for (;;) {
      options.push(this.sequence(close + sep));
      const c = this.glob[this.at];
      this.at++;
      if (c === close) return options;
      if (c === undefined) throw new PatternRefused(`'${close}' is missing`);
    }
  }

  private charClass(): string {
    const g = this.glob;
    const end = g.indexOf(']', this.at + 2);
    if (end < 0) {
      this.at++;
      return '\\[';
    }
    let body = g.slice(this.at + 1, end);
    this.at = end + 1;
    const negate = body.startsWith('!') || body.startsWith('^');
    if (negate) body = body.slice(1);
    // POSIX classes pass through; a lone '[' or a backslash stays literal.
    const inner = body.replace(/\[(?!:)/g, '\\[').replace(/\\(?![\]\\^-])/g, '\\\\');
    return negate ? `[^/${inner}]` : `[${inner}]`;
  }
}

function expandRange(from: string, to: string): string[] {
  const numeric = /^-?\d+$/.test(from);
  const a = numeric ? Number(from) : from.charCodeAt(0);
  const b = numeric ? Number(to) : to.charCodeAt(0);
  if (Math.abs(b - a) >= MAX_RANGE)
    throw new PatternRefused(`a range may hold at most ${MAX_RANGE} values`);
  const step = a <= b ? 1 : -1;
  const out: string[] = [];
  for (let v = a; v !== b + step; v += step) out.push(numeric ? String(v) : String.fromCharCode(v));
  return out;
}

/** A literal character in RE2 syntax. */
function quote(c: string): string {
  return /[\\^$.|?*+()[\]{}]/.test(c) ? `\\${c}` : c;
}
