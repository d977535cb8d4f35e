// Migration 19: where each exported file went, and the hash-chained audit log.
// `usages` holds one row per spell of a file in a pack: (pack, file) has at most one live
// row (removed_at NULL); a re-export that drops the file, or puts another version or asset
// there, ends it. No foreign keys: where an asset went outlives the asset.
// `audit_log` rows chain by hash (prev_hash → hash); `audit_head` is the chain's last row,
// written in the same transaction, so cutting rows off the end is detectable too.
export const USAGE_AUDIT_SCHEMA = `
      CREATE TABLE usages (
        id            INTEGER PRIMARY KEY,
        asset_id      INTEGER NOT NULL,
        version_hash  TEXT NOT NULL,
        channel       TEXT NOT NULL,
        preset_id     TEXT NOT NULL,
        product_id    INTEGER NOT NULL,
        sku           TEXT NOT NULL,
        pack          TEXT NOT NULL,
        file          TEXT NOT NULL,
        exported_at   TEXT NOT NULL,
        last_seen_at  TEXT NOT NULL,
        removed_at    TEXT
      );
      CREATE INDEX usages_by_asset ON usages (asset_id, exported_at);
      CREATE UNIQUE INDEX usages_live ON usages (pack, file) WHERE removed_at IS NULL;

      CREATE TABLE audit_log (
        id            INTEGER PRIMARY KEY AUTOINCREMENT,
        at            TEXT NOT NULL,
        who           TEXT NOT NULL,
        action        TEXT NOT NULL,
        subject_kind  TEXT NOT NULL,
        subject_id    TEXT NOT NULL,
        before        TEXT,
        after         TEXT,
        prev_hash     TEXT NOT NULL,
        hash          TEXT NOT NULL
      );
      CREATE INDEX audit_log_by_subject ON audit_log (subject_kind, subject_id, id);
      CREATE INDEX audit_log_by_at ON audit_log (at);
      CREATE TABLE audit_head (
        only      INTEGER PRIMARY KEY CHECK (only = 1),
        last_id   INTEGER NOT NULL,
        hash      TEXT NOT NULL
      );
    `;
