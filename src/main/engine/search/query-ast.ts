// The search language's syntax tree. Produced by parseQuery, compiled to SQL by compileQuery.

export type Comparison = '=' | '>' | '>=' | '<' | '<=';

export type QueryNode =
  | { type: 'and'; items: QueryNode[] }
  | { type: 'or'; items: QueryNode[] }
  | { type: 'not'; item: QueryNode }
  /** Free text: full-text search over name, folder, title, description, keywords. */
  | { type: 'text'; value: string; phrase: boolean }
  /** field:value; quoted when the value was written field:"…" (text:"…" is then a phrase) */
  | { type: 'field'; field: string; value: string; column: number; quoted?: true }
  /** field>=number */
  | { type: 'compare'; field: string; op: Comparison; value: number; column: number }
  /** A bare state word: missing, error, dupes, offline. */
  | { type: 'flag'; name: string; column: number }
  /** ~"red shoe on rocks": images whose meaning is near the text (a CLIP model), ranked. */
  | { type: 'semantic'; value: string; column: number };
