// What a rendition by URL needs of one asset, in one lean query (it runs on every request,
// cache hits included): kind, state, content hash, file path and focal point.
import { join } from 'node:path';
import type { AssetKind, AssetState } from '../../../shared/dto';
import type { Db } from '../db/open-database';
import { statements } from '../db/statement-cache';

export interface RenditionSource {
  id: number;
  kind: AssetKind;
  state: AssetState;
  hash: string | null;
  path: string;
  focus: { x: number; y: number } | null;
}

interface Row {
  id: number;
  kind: AssetKind;
  state: AssetState;
  hash: string | null;
  catalog_path: string;
  rel_path: string;
  fx: number | null;
  fy: number | null;
}

export class RenditionSourceRepo {
  constructor(private readonly db: Db) {}

  get(assetId: number): RenditionSource | undefined {
    const r = statements(this.db)
      .prepare<[number], Row>(
        `SELECT a.id, a.kind, a.state, a.hash, c.path AS catalog_path, a.rel_path,
                f.x AS fx, f.y AS fy
         FROM assets a
         JOIN catalogs c ON c.id = a.catalog_id
         LEFT JOIN asset_focus f ON f.asset_id = a.id
         WHERE a.id = ?`,
      )
      .get(assetId);
    if (!r) return undefined;
    return {
      id: r.id,
      kind: r.kind,
      state: r.state,
      hash: r.hash,
      path: join(r.catalog_path, ...r.rel_path.split('/')),
      focus: r.fx === null || r.fy === null ? null : { x: r.fx, y: r.fy },
    };
  }
}
