// Focal points (set in the loupe) and per-asset rendition overrides (migration 10).
import type { FocalPoint, RenditionOverride } from '../../../shared/export-dto';
import { PackshotError } from '../../../shared/errors';
import type { Db } from '../db/open-database';
import { statements } from '../db/statement-cache';

const ALL = '*';

export class OverridesRepo {
  constructor(private readonly db: Db) {}

  setFocus(assetId: number, point: { x: number; y: number } | null): FocalPoint | null {
    this.requireAsset(assetId);
    if (point === null) {
      statements(this.db).prepare('DELETE FROM asset_focus WHERE asset_id = ?').run(assetId);
      return null;
    }
    statements(this.db)
      .prepare(
        `INSERT INTO asset_focus (asset_id, x, y) VALUES (?, ?, ?)
         ON CONFLICT (asset_id) DO UPDATE SET x = excluded.x, y = excluded.y`,
      )
      .run(assetId, point.x, point.y);
    return { assetId, ...point };
  }

  focus(assetId: number): FocalPoint | null {
    const row = statements(this.db)
      .prepare<[number], { x: number; y: number }>(
        'SELECT x, y FROM asset_focus WHERE asset_id = ?',
      )
      .get(assetId);
    return row ? { assetId, x: row.x, y: row.y } : null;
  }

  list(assetId: number): RenditionOverride[] {
    return statements(this.db)
      .prepare<[number], { preset_id: string; options: string }>(
        'SELECT preset_id, options FROM rendition_overrides WHERE asset_id = ? ORDER BY preset_id',
      )
      .all(assetId)
      .map((r) => ({
        ...(JSON.parse(r.options) as object),
        assetId,
        presetId: r.preset_id === ALL ? null : r.preset_id,
      }));
  }

  set(override: RenditionOverride): RenditionOverride {
    this.requireAsset(override.assetId);
    const { assetId, presetId, ...options } = override;
    statements(this.db)
      .prepare(
        `INSERT INTO rendition_overrides (asset_id, preset_id, options) VALUES (?, ?, ?)
         ON CONFLICT (asset_id, preset_id) DO UPDATE SET options = excluded.options`,
      )
      .run(assetId, presetId ?? ALL, JSON.stringify(options));
    return override;
  }

  clear(assetId: number, presetId: string | null): boolean {
    return (
      statements(this.db)
        .prepare('DELETE FROM rendition_overrides WHERE asset_id = ? AND preset_id = ?')
        .run(assetId, presetId ?? ALL).changes > 0
    );
  }

  private requireAsset(id: number): void {
    if (!statements(this.db).prepare('SELECT 1 FROM assets WHERE id = ?').get(id))
      throw new PackshotError('not_found', `No asset with id ${id}`);
  }
}
