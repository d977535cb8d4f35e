import { queryError } from '../search/parse-query';
import type { QueryNode } from '../search/query-ast';
import { ftsTerm } from './fts-term';
import { MEDIA_FIELDS, MEDIA_NUMBERS, mediaCompare, mediaField } from './media-terms';
import { RIGHTS_FIELDS, rightsTerm } from './rights-terms';
import { AI_FIELDS, aiTerm } from './ai-terms';
import { PEOPLE_FIELDS, peopleTerm } from './people-terms';
import {
  SEMANTIC_FIELDS,
  rankOrder,
  semanticTerm,
  semanticText,
  type RankTerm,
} from './semantic-terms';

export interface CompiledQuery {
  /** A boolean SQL expression over `assets a JOIN catalogs c` (see QuerySubject). */
  sql: string;
  params: unknown[];
  /** With `~"…"` or `like:` (not negated): ORDER BY this first, best match first. */
  rank?: { sql: string; params: unknown[] };
  /** The same expression as a tree of its terms, each with its own SQL (the list index). */
  term: QueryTerm;
}

/** A query's boolean shape over its terms: `sql` leaves are SQL over `assets a JOIN catalogs c`. */
export type QueryTerm =
  | { op: 'and' | 'or'; items: QueryTerm[] }
  | { op: 'not'; item: QueryTerm }
  | { op: 'sql'; sql: string; params: unknown[] };

/**
 * What a query is evaluated over:
 * - 'asset': a file (`assets a JOIN catalogs c`); sku: and product: test its linked products.
 * - 'link': one product with one of its files (`product_links l JOIN products p JOIN assets a
 *   JOIN catalogs c`); product terms and free words test p (free words the file too), file
 *   terms test a. So sku:A does not reach a product B that merely shares A's file.
 * - 'product': a product alone (`products p`); file terms are unknown (SQL NULL), so NOT and
 *   AND over them stay unknown and never select a product on their own.
 */
export type QuerySubject = 'asset' | 'link' | 'product';

/** What kind: knows (and format: takes as a kind); a new kind is one more word here. */
// 'spin' is no stored kind: a spin's cover is an image (SPIN_COVERS finds them).
const KINDS = new Set(['image', 'raw', 'vector', 'video', 'document', 'model', 'spin', 'other']);
/**
 * kind:spin: a spin's cover frame, which stands for the spin in lists (its file's own kind
 * is image). One set of covers per query, not a probe per row.
 */
const SPIN_COVERS = '+a.id IN (SELECT cover_asset_id FROM spins)';
const FORMAT_ALIASES: Record<string, string> = { jpg: 'jpeg', jpe: 'jpeg', tif: 'tiff' };
const NUMERIC: Record<string, string> = {
  width: 'a.width',
  height: 'a.height',
  size: 'a.bytes',
  bytes: 'a.bytes',
  rating: 'a.rating',
  sharpness: 'a.sharpness',
  whitebg: 'a.white_bg',
  fill: 'a.fill',
  versions: '(SELECT count(*) FROM asset_versions v WHERE v.asset_id = a.id)',
};
/**
 * An id set (full text, tags) filters rows as the list walks its order (the covering
 * assets_grid index, v11), rather than driving the query: the unary + keeps SQLite from
 * looking up each of tens of thousands of ids in the wide table and sorting them, which
 * without statistics it would pick, guessing an IN-list is small. Bounded by one index walk.
 */
const ID_FILTER = '+a.id';
/** The assets with a tag whose path has the word. */
const TAG_WORDS = `SELECT at.asset_id FROM asset_tags at WHERE at.tag_id IN
                   (SELECT rowid FROM tags_fts WHERE tags_fts MATCH ?)`;

/** The fields a comparison (width>=2000, duration>30) knows. */
export const NUMBER_FIELDS: readonly string[] = [...Object.keys(NUMERIC), ...MEDIA_NUMBERS];

export const QUERY_FIELDS = [
  'tag',
  'format',
  'kind',
  'camera',
  'taken',
  'folder',
  'name',
  'flag',
  'label',
  'color',
  'sku',
  'product',
  'no',
  'naming',
  ...MEDIA_FIELDS,
  ...RIGHTS_FIELDS,
  ...AI_FIELDS,
  ...PEOPLE_FIELDS,
  ...SEMANTIC_FIELDS,
] as const;

/** Turns a parsed query into SQL with parameters; every value is a parameter, never text. */
export function compileQuery(
  node: QueryNode,
  input: string,
  subject: QuerySubject = 'asset',
): CompiledQuery {
  const params: unknown[] = [];
  const ranks: RankTerm[] = [];
  let negated = 0;
  const { sql, term } = compileTerm(node);
  const rank = subject === 'product' ? undefined : rankOrder(ranks);
  return rank ? { sql, params, rank, term } : { sql, params, term };

  /** The SQL of a node and its term tree; a leaf's params are those its SQL pushed. */
  function compileTerm(n: QueryNode): { sql: string; term: QueryTerm } {
    if (n.type === 'and' || n.type === 'or') {
      const parts = n.items.map(compileTerm);
      const sql = `(${parts.map((p) => p.sql).join(n.type === 'and' ? ' AND ' : ' OR ')})`;
      return { sql, term: { op: n.type, items: parts.map((p) => p.term) } };
    }
    if (n.type === 'not') {
      negated++;
      const inner = compileTerm(n.item);
      negated--;
      return { sql: `NOT ${inner.sql}`, term: { op: 'not', item: inner.term } };
    }
    const mark = params.length;
    const sql = compile(n);
    const term: QueryTerm = { op: 'sql', sql, params: params.slice(mark) };
    return { sql, term: n.type === 'text' && subject === 'asset' ? wordParts(term) : term };
  }

  /**
   * A free word as the OR of its sets (the same truth: rowids, never NULL), so the list
   * index keeps each apart: the AI job writing ai_words does not drop the tags' set.
   */
  function wordParts(whole: QueryTerm & { op: 'sql' }): QueryTerm {
    const [own, docs, ai, tags] = whole.params;
    const part = (sql: string, value: unknown): QueryTerm => ({
      op: 'sql',
      sql: `${ID_FILTER} IN (${sql})`,
      params: [value],
    });
    return {
      op: 'or',
      items: [
        part('SELECT rowid FROM assets_fts WHERE assets_fts MATCH ?', own),
        part('SELECT rowid FROM document_text WHERE document_text MATCH ?', docs),
        part('SELECT rowid FROM ai_words WHERE ai_words MATCH ?', ai),
        part(TAG_WORDS, tags),
      ],
    };
  }

  /** A term about the file: unknown for a product alone, but still checked for mistakes. */
  function fileTerm(sqlOf: () => string): string {
    if (subject !== 'product') return sqlOf();
    const mark = params.length;
    sqlOf();
    params.length = mark;
    return 'NULL';
  }

  /** One leaf term's SQL (and, or and not are compileTerm's). */
  function compile(n: Exclude<QueryNode, { type: 'and' | 'or' | 'not' }>): string {
    switch (n.type) {
      case 'semantic':
        return fileTerm(() => semanticText(n.value, params, negated > 0 ? [] : ranks));
      case 'text': {
        if (subject === 'product') return productWords(n.value);
        // A word in the asset's own text, or in the path of one of its tags (v13: keywords
        // are not in assets_fts, so tagging never re-indexes assets). Each word on its own,
        // so 'red sneaker' finds a red-titled asset tagged Sneakers. A document's full text
        // joins the asset's own set: one more probe per row would cost 2-5 ms at 100,000
        // assets even with no documents; one empty FTS lookup per query costs nothing.
        const term = ftsTerm(n.value, n.phrase);
        params.push(term, term, term, term);
        // What the offline AI found (labels shown, text read: ai_words) joins it the same way.
        const own = `(${ID_FILTER} IN (SELECT rowid FROM assets_fts WHERE assets_fts MATCH ?
                   UNION ALL SELECT rowid FROM document_text WHERE document_text MATCH ?
                   UNION ALL SELECT rowid FROM ai_words WHERE ai_words MATCH ?)
                 OR ${ID_FILTER} IN (${TAG_WORDS}))`;
        // With a product beside the file, a word may be in either: 'runner side' finds the
        // side view of the Runner sneaker.
        return subject === 'link' ? `(${own} OR ${productWords(n.value)})` : own;
      }
      case 'flag':
        return fileTerm(() => flag(n.name));
      case 'compare':
        return fileTerm(() => compare(n.field, n.op, n.value, n.column));
      case 'field':
        return (
          productField(n.field, n.value, n.column) ??
          fileTerm(() => field(n.field, n.value, n.column, n.quoted === true))
        );
    }
  }

  /**
   * A free word or phrase in a product's SKU, name or an attribute's value (a substring, as
   * product: is): "crimson" finds the product whose colour is Crimson.
   */
  function productWords(raw: string): string {
    const like = `%${likeEscape(raw.toLowerCase())}%`;
    params.push(like, like, like);
    return `(lower(p.sku) LIKE ? ESCAPE '\\' OR lower(p.name) LIKE ? ESCAPE '\\'
             OR EXISTS (SELECT 1 FROM json_each(p.attributes) j
                        WHERE lower(j.value) LIKE ? ESCAPE '\\'))`;
  }

  /** sku:, product: and no: with a product as the subject; undefined: not such a term. */
  function productField(name: string, raw: string, column: number): string | undefined {
    if (subject === 'asset') return undefined;
    const value = raw.toLowerCase();
    switch (name) {
      case 'sku':
        params.push(`${likeEscape(value)}%`);
        return `lower(p.sku) LIKE ? ESCAPE '\\'`;
      case 'product': {
        // As product: on a file does: the SKU or the name, not the attributes.
        const like = `%${likeEscape(value)}%`;
        params.push(like, like);
        return `(lower(p.sku) LIKE ? ESCAPE '\\' OR lower(p.name) LIKE ? ESCAPE '\\')`;
      }
      case 'no':
        if (value !== 'product')
          throw queryError(input, column, `no: knows 'product' (no:product: linked to no product)`);
        // A product's own file is linked to it; a product alone has no file to ask about.
        return subject === 'link' ? '0' : 'NULL';
      default:
        return undefined;
    }
  }

  function flag(name: string): string {
    switch (name) {
      case 'missing':
        return `a.state = 'missing'`;
      case 'error':
      case 'errors':
        return `a.state = 'error'`;
      case 'offline':
        return `(c.online = 0 AND a.state != 'missing')`;
      case 'similar':
        return 'a.similar_group IS NOT NULL';
      case 'violation':
      case 'violations':
        return 'a.violation IS NOT NULL';
      default:
        return `(a.duplicate_of IS NOT NULL OR a.id IN (SELECT d.duplicate_of FROM assets d WHERE d.duplicate_of IS NOT NULL))`;
    }
  }

  function compare(name: string, op: string, value: number, at: number): string {
    const media = mediaCompare(name, op, value, params);
    if (media !== undefined) return media;
    // Own keys only: constructor>=1 names no column.
    const column = Object.hasOwn(NUMERIC, name) ? NUMERIC[name] : undefined;
    if (!column) {
      const known = [...Object.keys(NUMERIC), ...MEDIA_NUMBERS].join(', ');
      throw queryError(input, at, `Unknown number field '${name}' (known: ${known})`);
    }
    params.push(value);
    // + : checked during the grid index walk, not looked up through a one-column
    // index whose matches (a third of the catalog for rating>=3) each read the wide row.
    return `+${column} ${op} ?`;
  }

  function field(name: string, raw: string, column: number, quoted: boolean): string {
    const value = raw.toLowerCase();
    switch (name) {
      case 'tag':
      case 'keyword':
        // A whole keyword or any level of a hierarchy: Product|Shoes|Sneakers is found by
        // tag:Product, tag:Shoes, tag:Sneakers and tag:Product|Shoes. Matched on the tags
        // table (a few thousand paths), then the (tag_id, asset_id) index: assets.keywords
        // mirrors these links, but reading it means a JSON walk of every row.
        {
          const v = likeEscape(value);
          params.push(value, `${v}|%`, `%|${v}`, `%|${v}|%`);
        }
        return `${ID_FILTER} IN (SELECT at.asset_id FROM asset_tags at WHERE at.tag_id IN
                 (SELECT t.id FROM tags t
                  WHERE lower(t.path) = ? OR lower(t.path) LIKE ? ESCAPE '\\'
                     OR lower(t.path) LIKE ? ESCAPE '\\' OR lower(t.path) LIKE ? ESCAPE '\\'))`;
      case 'format':
        if (value === 'spin') return SPIN_COVERS;
        if (KINDS.has(value)) {
          params.push(value);
          return 'a.kind = ?';
        }
        params.push(Object.hasOwn(FORMAT_ALIASES, value) ? FORMAT_ALIASES[value] : value);
        return 'a.format = ?';
      case 'kind':
        if (value === 'spin') return SPIN_COVERS;
        if (!KINDS.has(value))
          throw queryError(input, column, `kind: is one of ${[...KINDS].join(', ')}`);
        params.push(value);
        return 'a.kind = ?';
      case 'camera':
        params.push(`%${likeEscape(value)}%`);
        return "lower(a.camera) LIKE ? ESCAPE '\\'";
      case 'taken':
        if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(raw)) {
          throw queryError(input, column, 'taken: wants a date like 2026, 2026-05 or 2026-05-04');
        }
        params.push(`${raw}%`);
        return 'a.captured_at LIKE ?';
      case 'folder':
        params.push(value, `${likeEscape(value)}/%`);
        return "(lower(a.folder) = ? OR lower(a.folder) LIKE ? ESCAPE '\\')";
      case 'name':
        params.push(`%${likeEscape(value)}%`);
        return "lower(a.name) LIKE ? ESCAPE '\\'";
      case 'flag':
        if (!['pick', 'reject', 'none'].includes(value)) {
          throw queryError(input, column, 'flag: is pick, reject or none');
        }
        params.push(value);
        return '+a.flag = ?';
      case 'color':
      case 'colour':
        // color_names is a JSON array of palette names (plain lowercase words): finding the
        // quoted name in its text is exact, and far cheaper than json_each on every row.
        if (!/^[a-z]+$/.test(value)) return '0';
        params.push(value);
        return 'instr(a.color_names, json_quote(?)) > 0';
      case 'sku':
        // Linked to a product whose SKU starts with the value (SKUs are case-insensitive).
        params.push(`${likeEscape(value)}%`);
        return `EXISTS (SELECT 1 FROM product_links l JOIN products p ON p.id = l.product_id
                 WHERE l.asset_id = a.id AND lower(p.sku) LIKE ? ESCAPE '\\')`;
      case 'product':
        params.push(`%${likeEscape(value)}%`, `%${likeEscape(value)}%`);
        return `EXISTS (SELECT 1 FROM product_links l JOIN products p ON p.id = l.product_id
                 WHERE l.asset_id = a.id AND (lower(p.sku) LIKE ? ESCAPE '\\' OR lower(p.name) LIKE ? ESCAPE '\\'))`;
      case 'no':
        if (value !== 'product')
          throw queryError(input, column, `no: knows 'product' (no:product: linked to no product)`);
        return 'NOT EXISTS (SELECT 1 FROM product_links l WHERE l.asset_id = a.id)';
      case 'naming':
        // The catalog's naming convention (intake rules): naming:bad finds the violations.
        if (value === 'bad') return 'a.violation IS NOT NULL';
        if (value === 'ok' || value === 'good') return 'a.violation IS NULL';
        throw queryError(input, column, 'naming: is bad or ok');
      case 'label':
        if (value === 'none') return 'a.label IS NULL';
        params.push(value);
        return 'a.label = ?';
      default: {
        const fail = (message: string): never => {
          throw queryError(input, column, message);
        };
        const media = mediaField(name, raw, quoted, params, fail);
        if (media !== undefined) return media;
        const rights = rightsTerm(name, value, params, fail);
        if (rights !== undefined) return rights;
        const found =
          aiTerm(name, raw, quoted, params, fail) ??
          peopleTerm(name, raw, quoted, params, fail) ??
          semanticTerm(name, raw, quoted, params, fail, negated > 0 ? [] : ranks);
        if (found !== undefined) return found;
        throw queryError(
          input,
          column,
          `Unknown field '${name}:' (known: ${QUERY_FIELDS.join(', ')})`,
        );
      }
    }
  }
}

/** A value matched literally inside LIKE: its % and _ are not wildcards. */
function likeEscape(value: string): string {
  return value.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}
