import type { Db } from '../db/open-database';
import { statements } from '../db/statement-cache';
import { writeTransaction } from '../db/write-transaction';

export interface CloneSupport {
  catalogDev: number;
  dataDev: number;
  clones: boolean;
  /** Why clones do not work there (the error code), null when they do. */
  reason: string | null;
  probedAt: string;
}

/** clone_support: what the clone probe found for each catalog's volume, kept. */
export class CloneSupportRepo {
  constructor(private readonly db: Db) {}

  get(catalogId: number): CloneSupport | undefined {
    const row = statements(this.db)
      .prepare<
        [number],
        {
          catalog_dev: number;
          data_dev: number;
          clones: number;
          reason: string | null;
          probed_at: string;
        }
      >(
        'SELECT catalog_dev, data_dev, clones, reason, probed_at FROM clone_support WHERE catalog_id = ?',
      )
      .get(catalogId);
    return row
      ? {
          catalogDev: row.catalog_dev,
          dataDev: row.data_dev,
          clones: row.clones === 1,
          reason: row.reason,
          probedAt: row.probed_at,
        }
      : undefined;
  }

  set(catalogId: number, found: Omit<CloneSupport, 'probedAt'>): void {
    const upsert = statements(this.db).prepare(
      `INSERT INTO clone_support (catalog_id, catalog_dev, data_dev, clones, reason, probed_at)
       SELECT ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM catalogs WHERE id = ?)
       ON CONFLICT (catalog_id) DO UPDATE SET catalog_dev = excluded.catalog_dev,
         data_dev = excluded.data_dev, clones = excluded.clones, reason = excluded.reason,
         probed_at = excluded.probed_at`,
    );
    writeTransaction(this.db, () =>
      upsert.run(
        catalogId,
        found.catalogDev,
        found.dataDev,
        found.clones ? 1 : 0,
        found.reason,
        new Date().toISOString(),
        catalogId,
      ),
    );
  }
}
