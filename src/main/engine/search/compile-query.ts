import { queryError } from './parse-query';
import type { QueryNode } from './query-ast';

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
        params.push(ftsTerm(n.value, n.phrase));
        return 'a.id IN (SELECT rowid FROM assets_fts WHERE assets_fts MATCH ?)';
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
        return `${column} ${n.op} ?`;
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
        // tag:Product, tag:Shoes, tag:Sneakers and tag:Product|Shoes.
        params.push(value, `${value}|%`, `%|${value}`, `%|${value}|%`);
        return `EXISTS (SELECT 1 FROM json_each(a.keywords) k
                 WHERE lower(k.value) = ? OR lower(k.value) LIKE ? OR lower(k.value) LIKE ?
                    OR lower(k.value) LIKE ?)`;
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
        return 'a.flag = ?';
      case 'color':
      case 'colour':
        params.push(value);
        return 'EXISTS (SELECT 1 FROM json_each(a.color_names) n WHERE n.value = ?)';
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
