// The takedown list: every file still in a pack whose asset holds a licence that ends
// within N days or has ended. It reads the rights domain's `licences` and `asset_licences`
// (migration 17).
import type { TakedownRow } from '../../../shared/usage-dto';
import type { Db } from '../db/open-database';
import { statements } from '../db/statement-cache';
import { isExpired } from '../rights/licence-dates';

interface Row {
  licence_id: number;
  licence: string;
  ends_on: string;
  asset_id: number;
  channel: string;
  preset_id: string;
  sku: string;
  pack: string;
  file: string;
}

export class TakedownRepo {
  constructor(private readonly db: Db) {}

  /** `today` and the horizon are YYYY-MM-DD (the licence's own dates are days). */
  list(today: string, until: string): TakedownRow[] {
    return statements(this.db)
      .prepare<[string], Row>(
        `SELECT l.id AS licence_id, l.name AS licence, l.ends_on, u.asset_id, u.channel,
                u.preset_id, u.sku, u.pack, u.file
           FROM licences l
           JOIN asset_licences al ON al.licence_id = l.id
           JOIN usages u ON u.asset_id = al.asset_id AND u.removed_at IS NULL
          WHERE l.ends_on IS NOT NULL AND l.ends_on <= ?
          ORDER BY l.ends_on, l.id, u.pack, u.file`,
      )
      .all(until)
      .map((r) => ({
        licenceId: r.licence_id,
        licence: r.licence,
        endsOn: r.ends_on,
        ended: isExpired(r.ends_on, today),
        assetId: r.asset_id,
        channel: r.channel,
        presetId: r.preset_id,
        sku: r.sku,
        pack: r.pack,
        file: r.file,
      }));
  }
}
