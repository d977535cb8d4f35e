import { PackshotError } from '../../../shared/errors';
import { STATE_WORDS } from '../../../shared/search-fields';
import type { Comparison, QueryNode } from './query-ast';
import { termNumber } from './term-numbers';

/**
 * The search box's language:
 *   free words            red sneaker "side view"
 *   field:value           tag:Shoes  format:raw  camera:canon  taken:2026-05  folder:shoot-2
 *   products              sku:AB-12 (SKU prefix)  product:sneaker  no:product (linked to none)
 *   rights                rights:expired|expiring|none  licence:"Shoot 2026"  approval:approved
 *   comparisons           width>=2000  height<1000  rating>=4  size>5000000
 *   rich media            kind:video  duration>30 (seconds; 30s 2m 1h)  pages>10  codec:h264
 *                         fps>=50  triangles<100000  audio:yes  text:"quick start" (documents)
 *   states                missing  error  dupes  offline  violation (of the naming convention)
 *   by meaning            ~"red running shoe on rocks"  ~shoe (a CLIP model the user brings)
 *                         like:123 (looks like asset 123); both rank the list, best first
 *   logic                 AND (implicit between terms), OR, NOT or a leading '-', ( )
 * A query that does not parse is refused with a message that points at the mistake (a
 * PackshotError 'invalid_argument', the only error it throws): so is a NUL character, which
 * no name or tag holds and SQLite's full-text search would cut the term at, and nesting
 * deeper than MAX_DEPTH parentheses or NOTs.
 */
export function parseQuery(input: string): QueryNode | null {
  const parser = new Parser(input);
  const node = parser.parse();
  return node;
}

interface Token {
  kind: 'word' | 'phrase' | 'lparen' | 'rparen' | 'or' | 'and' | 'not' | 'tilde';
  text: string;
  column: number;
}

/** Deeper than any query a person types; keeps the recursive parser and SQL small. */
export const MAX_DEPTH = 32;

class Parser {
  private readonly tokens: Token[];
  private at = 0;
  private depth = 0;

  constructor(private readonly input: string) {
    this.tokens = tokenize(input);
  }

  parse(): QueryNode | null {
    if (this.tokens.length === 0) return null;
    const node = this.or();
    const extra = this.tokens[this.at];
    if (extra) this.fail(extra.column, `Unexpected '${extra.text}'`);
    return node;
  }

  private or(): QueryNode {
    const items = [this.and()];
    while (this.peek()?.kind === 'or') {
      this.at++;
      if (!this.startsTerm()) this.fail(this.column(), 'OR needs a term after it');
      items.push(this.and());
    }
    return items.length === 1 ? (items[0] as QueryNode) : { type: 'or', items };
  }

  private and(): QueryNode {
    const items = [this.unary()];
    for (;;) {
      const next = this.peek();
      if (next?.kind === 'and') {
        this.at++;
        if (!this.startsTerm()) this.fail(this.column(), 'AND needs a term after it');
        items.push(this.unary());
      } else if (this.startsTerm()) {
        items.push(this.unary());
      } else break;
    }
    return items.length === 1 ? (items[0] as QueryNode) : { type: 'and', items };
  }

  private unary(): QueryNode {
    const token = this.peek();
    if (token?.kind === 'not') {
      this.at++;
      if (!this.startsTerm()) this.fail(this.column(), 'NOT needs a term after it');
      return { type: 'not', item: this.nested(token, () => this.unary()) };
    }
    return this.primary();
  }

  private primary(): QueryNode {
    const token = this.peek();
    if (!token) return this.fail(this.input.length, 'The query ends too early');
    if (token.kind === 'lparen') {
      this.at++;
      if (this.peek()?.kind === 'rparen') this.fail(token.column, 'Empty parentheses');
      const inner = this.nested(token, () => this.or());
      const close = this.peek();
      if (close?.kind !== 'rparen') this.fail(token.column, "This '(' is never closed");
      this.at++;
      return inner;
    }
    if (token.kind === 'rparen') this.fail(token.column, "Unexpected ')'");
    if (token.kind === 'tilde') return this.semantic(token);
    if (token.kind === 'phrase') {
      this.at++;
      return { type: 'text', value: token.text, phrase: true };
    }
    if (token.kind !== 'word') this.fail(token.column, `'${token.text}' needs a term before it`);
    this.at++;
    return this.term(token);
  }

  private term(token: Token): QueryNode {
    const compare = /^([a-z]+)(>=|<=|>|<|=)(.*)$/i.exec(token.text);
    if (compare) {
      const [, field = '', op = '=', raw = ''] = compare;
      const name = field.toLowerCase();
      const value = termNumber(name, raw);
      if (typeof value === 'string') {
        this.fail(token.column + field.length + op.length, `${field}${op} ${value}`);
      }
      return {
        type: 'compare',
        field: name,
        op: op as Comparison,
        value,
        column: token.column,
      };
    }
    const colon = token.text.indexOf(':');
    if (colon > 0) {
      const field = token.text.slice(0, colon).toLowerCase();
      let value = token.text.slice(colon + 1);
      // field:"two words"
      const quoted = value === '' && this.peek()?.kind === 'phrase';
      if (quoted) value = this.tokens[this.at++]?.text ?? '';
      if (value === '') this.fail(token.column + colon + 1, `${field}: needs a value`);
      return {
        type: 'field',
        field,
        value,
        column: token.column,
        ...(quoted ? { quoted: true as const } : {}),
      };
    }
    if (STATE_WORDS.has(token.text.toLowerCase())) {
      return { type: 'flag', name: token.text.toLowerCase(), column: token.column };
    }
    return { type: 'text', value: token.text, phrase: false };
  }

  /** ~"a description" or ~word: what the images show, by meaning. */
  private semantic(token: Token): QueryNode {
    this.at++;
    const next = this.peek();
    const value =
      next?.kind === 'phrase' || next?.kind === 'word' ? next.text.replace(/\s+/g, ' ').trim() : '';
    if (value === '' || next?.column !== token.column + 1)
      this.fail(token.column, '~ needs a description right after it, like ~"red shoe on rocks"');
    this.at++;
    return { type: 'semantic', value, column: token.column };
  }

  private nested(token: Token, inner: () => QueryNode): QueryNode {
    if (++this.depth > MAX_DEPTH)
      this.fail(token.column, `Nested more than ${MAX_DEPTH} deep: simplify the query`);
    const node = inner();
    this.depth--;
    return node;
  }

  private peek(): Token | undefined {
    return this.tokens[this.at];
  }

  private startsTerm(): boolean {
    const kind = this.peek()?.kind;
    return (
      kind === 'word' ||
      kind === 'phrase' ||
      kind === 'lparen' ||
      kind === 'not' ||
      kind === 'tilde'
    );
  }

  private column(): number {
    return this.peek()?.column ?? this.input.length;
  }

  private fail(column: number, message: string): never {
    throw queryError(this.input, column, message);
  }
}

/** An invalid_argument error with the query and a caret under the mistake. */
export function queryError(input: string, column: number, message: string): PackshotError {
  return new PackshotError(
    'invalid_argument',
    `${message} (at column ${column + 1})\n  ${visible(input)}\n  ${' '.repeat(column)}^`,
  );
}

/** Control characters shown as their Control Pictures (␀, ␉…): one column each, so the caret lines up. */
function visible(input: string): string {
  // eslint-disable-next-line no-control-regex
  return input.replace(/[\u0000-\u001f]/g, (ch) => String.fromCharCode(0x2400 + ch.charCodeAt(0)));
}

function tokenize(input: string): Token[] {
  const nul = input.indexOf('\0');
  if (nul !== -1) throw queryError(input, nul, 'A NUL character cannot be searched for');
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const ch = input[i] ?? '';
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === '(' || ch === ')') {
      tokens.push({ kind: ch === '(' ? 'lparen' : 'rparen', text: ch, column: i });
      i++;
    } else if (ch === '"') {
      const end = input.indexOf('"', i + 1);
      if (end < 0) throw queryError(input, i, 'This quote is never closed');
      tokens.push({ kind: 'phrase', text: input.slice(i + 1, end), column: i });
      i = end + 1;
    } else if (ch === '~') {
      // ~"…" or ~word: a search by meaning (a '~' inside a word stays part of it).
      tokens.push({ kind: 'tilde', text: ch, column: i });
      i++;
    } else if (ch === '-' && i + 1 < input.length && !/[\s)]/.test(input[i + 1] ?? '')) {
      tokens.push({ kind: 'not', text: '-', column: i });
      i++;
    } else {
      const start = i;
      while (i < input.length && !/[\s()"]/.test(input[i] ?? '')) i++;
      // field:"quoted value" keeps its quote for the term to read
      const text = input.slice(start, i);
      const upper = text.toUpperCase();
      const kind =
        upper === 'OR' ? 'or' : upper === 'AND' ? 'and' : upper === 'NOT' ? 'not' : 'word';
      tokens.push({ kind, text, column: start });
    }
  }
  return tokens;
}
