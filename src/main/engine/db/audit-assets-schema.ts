// Migration 20: which assets each audit row names, so "this asset's audit" is one index
// lookup at any log size. A row names an asset when its subject is the asset, or its
// before/after holds the id under a key `assetId`, or in an array under `assetIds`,
// `attached` or `detached` (licence/release attach, detach, assign, undo, redo; product link
// edits). AuditLog.record writes the rows for new entries in the entry's own transaction
// (the same rule, in names-assets.ts); this fills them in for the rows already logged.
// Derived data, outside the hash chain: it can always be rebuilt from audit_log.
export const AUDIT_ASSETS_SCHEMA = `
      CREATE TABLE audit_assets (
        asset_id  INTEGER NOT NULL,
        entry_id  INTEGER NOT NULL,
        PRIMARY KEY (asset_id, entry_id)
      ) WITHOUT ROWID;
      INSERT OR IGNORE INTO audit_assets (asset_id, entry_id)
        SELECT CAST(subject_id AS INTEGER), id FROM audit_log
         WHERE subject_kind = 'asset' AND subject_id GLOB '[0-9]*';
      INSERT OR IGNORE INTO audit_assets (asset_id, entry_id)
        SELECT j.value, a.id
          FROM audit_log a, json_tree(coalesce(a.before, 'null')) j
         WHERE j.type = 'integer'
           AND (j.key = 'assetId' OR (typeof(j.key) = 'integer' AND (j.path GLOB '*.assetIds'
                OR j.path GLOB '*.attached' OR j.path GLOB '*.detached')));
      INSERT OR IGNORE INTO audit_assets (asset_id, entry_id)
        SELECT j.value, a.id
          FROM audit_log a, json_tree(coalesce(a.after, 'null')) j
         WHERE j.type = 'integer'
           AND (j.key = 'assetId' OR (typeof(j.key) = 'integer' AND (j.path GLOB '*.assetIds'
                OR j.path GLOB '*.attached' OR j.path GLOB '*.detached')));
    `;
