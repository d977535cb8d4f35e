// Collections: saved searches that update live, and hand-ordered lists of assets.

export type CollectionKind = 'smart' | 'manual';

export interface Collection {
  id: number;
  name: string;
  kind: CollectionKind;
  /** The search (smart collections); null for manual ones. */
  query: string | null;
  /** Assets it lists now. */
  count: number;
  createdAt: string;
}
