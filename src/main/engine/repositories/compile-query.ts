import { queryError } from '../search/parse-query';
import type { QueryNode } from '../search/query-ast';

export interface CompiledQuery {
  /** A boolean SQL expression over `assets a JOIN catalogs c`. */
  sql: string;
  params: unknown[];
}

const KINDS = new Set(['image', 'raw', 'vector', 'video', 'document', 'model', 'other']);
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
] as const;

/** Turns a parsed query into SQL with parameters; every value is a parameter, never text. */
export function compileQuery(node: QueryNode, input: string): CompiledQuery {
  const params: unknown[] = [];
  const sql = compile(node);
  return { sql, params };

  function compile(n: QueryNode): string {
    switch (n.type) {
      case 'and':
        return `(${n.items.map(compile).join(' AND ')})`;
      case 'or':
        return `(${n.items.map(compile).join(' OR ')})`;
      case 'not':
        return `NOT ${compile(n.item)}`;
      case 'text':
        // A word in the asset's own text, or in the path of one of its tags (v13: keywords
        // are not in assets_fts, so tagging never re-indexes assets). Each word on its own,
        // so 'red sneaker' finds a red-titled asset tagged Sneakers.
        params.push(ftsTerm(n.value, n.phrase), ftsTerm(n.value, n.phrase));
        return `(${ID_FILTER} IN (SELECT rowid FROM assets_fts WHERE assets_fts MATCH ?)
                 OR ${ID_FILTER} IN (SELECT at.asset_id FROM asset_tags at WHERE at.tag_id IN
                   (SELECT rowid FROM tags_fts WHERE tags_fts MATCH ?)))`;
      case 'flag':
        switch (n.name) {
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
      case 'compare': {
        const column = NUMERIC[n.field];
        if (!column) {
          throw queryError(
            input,
            n.column,
            `Unknown number field '${n.field}' (known: ${Object.keys(NUMERIC).join(', ')})`,
          );
        }
        params.push(n.value);
        // + : checked during the grid index walk, not looked up through a one-column
        // index whose matches (a third of the catalog for rating>=3) each read the wide row.
        return `+${column} ${n.op} ?`;
      }
      case 'field':
        return field(n.field, n.value, n.column);
    }
  }

  function field(name: string, raw: string, column: number): string {
    const value = raw.toLowerCase();
    switch (name) {
      case 'tag':
      case 'keyword':
        // A whole keyword or any level of a hierarchy: Product|Shoes|Sneakers is found by
        // tag:Product, tag:Shoes, tag:Sneakers and tag:Product|Shoes. Matched on the tags
        // table (a few thousand paths), then the (tag_id, asset_id) index: assets.keywords
        // mirrors these links, but reading it means a JSON walk of every row.
        params.push(value, `${value}|%`, `%|${value}`, `%|${value}|%`);
        return `${ID_FILTER} IN (SELECT at.asset_id FROM asset_tags at WHERE at.tag_id IN
                 (SELECT t.id FROM tags t
                  WHERE lower(t.path) = ? OR lower(t.path) LIKE ? OR lower(t.path) LIKE ?
                     OR lower(t.path) LIKE ?))`;
      case 'format':
        if (KINDS.has(value)) {
          params.push(value);
          return 'a.kind = ?';
        }
        params.push(FORMAT_ALIASES[value] ?? value);
        return 'a.format = ?';
      case 'kind':
        params.push(value);
        return 'a.kind = ?';
      case 'camera':
        params.push(`%${value}%`);
        return 'lower(a.camera) LIKE ?';
      case 'taken':
        if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(raw)) {
          throw queryError(input, column, 'taken: wants a date like 2026, 2026-05 or 2026-05-04');
        }
        params.push(`${raw}%`);
        return 'a.captured_at LIKE ?';
      case 'folder':
        params.push(value, `${value}/%`);
        return '(lower(a.folder) = ? OR lower(a.folder) LIKE ?)';
      case 'name':
        params.push(`%${value}%`);
        return 'lower(a.name) LIKE ?';
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
      default:
        throw queryError(
          input,
          column,
          `Unknown field '${name}:' (known: ${QUERY_FIELDS.join(', ')})`,
        );
    }
  }
}

/** A value matched literally inside LIKE: its % and _ are not wildcards. */
function likeEscape(value: string): string {
  return value.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}

/** One FTS5 term: a quoted phrase, or a word matched as a prefix. */
function ftsTerm(value: string, phrase: boolean): string {
  const quoted = `"${value.replaceAll('"', '""')}"`;
  return phrase ? quoted : `${quoted}*`;
}
