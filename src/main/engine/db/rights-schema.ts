// Migration 17: rights. Licences (one covers many assets: a shoot's contract), releases
// (model, property, minor), approvals tied to a content hash (every decision kept, the
// newest for the current hash is the state), the file's own rights claims read at index,
// and a key/value `settings` table for preferences (the reviewer's name).
// Dates are 'YYYY-MM-DD' text (compared as text); created_at / at are epoch ms.
// Ids use AUTOINCREMENT: a deleted licence's id is never given to another.
export const RIGHTS_SCHEMA = `
      CREATE TABLE licences (
        id                     INTEGER PRIMARY KEY AUTOINCREMENT,
        name                   TEXT NOT NULL,
        licensor               TEXT,
        contact                TEXT,
        type                   TEXT NOT NULL,
        cc_variant             TEXT,
        reference              TEXT,
        contract_path          TEXT,
        credit_line            TEXT,
        credit_required        INTEGER NOT NULL DEFAULT 0,
        starts_on              TEXT,
        ends_on                TEXT,
        warn_days              INTEGER NOT NULL DEFAULT 30,
        territories_mode       TEXT CHECK (territories_mode IS NULL OR territories_mode IN ('include', 'exclude')),
        territories            TEXT,
        channels               TEXT,
        media                  TEXT,
        modifications_allowed  INTEGER NOT NULL DEFAULT 1,
        created_at             INTEGER NOT NULL
      );
      CREATE INDEX licences_by_end ON licences (ends_on);
      CREATE TABLE asset_licences (
        asset_id    INTEGER NOT NULL REFERENCES assets(id) ON DELETE CASCADE,
        licence_id  INTEGER NOT NULL REFERENCES licences(id) ON DELETE CASCADE,
        PRIMARY KEY (asset_id, licence_id)
      ) WITHOUT ROWID;
      CREATE INDEX asset_licences_by_licence ON asset_licences (licence_id, asset_id);

      CREATE TABLE releases (
        id             INTEGER PRIMARY KEY AUTOINCREMENT,
        kind           TEXT NOT NULL CHECK (kind IN ('model', 'property', 'minor')),
        subject        TEXT,
        signed_on      TEXT NOT NULL,
        expires_on     TEXT,
        restrictions   TEXT,
        document_path  TEXT,
        created_at     INTEGER NOT NULL
      );
      CREATE TABLE asset_releases (
        asset_id    INTEGER NOT NULL REFERENCES assets(id) ON DELETE CASCADE,
        release_id  INTEGER NOT NULL REFERENCES releases(id) ON DELETE CASCADE,
        PRIMARY KEY (asset_id, release_id)
      ) WITHOUT ROWID;
      CREATE INDEX asset_releases_by_release ON asset_releases (release_id, asset_id);

      CREATE TABLE approvals (
        id        INTEGER PRIMARY KEY AUTOINCREMENT,
        asset_id  INTEGER NOT NULL REFERENCES assets(id) ON DELETE CASCADE,
        hash      TEXT NOT NULL,
        state     TEXT NOT NULL CHECK (state IN ('draft', 'in-review', 'approved', 'rejected')),
        who       TEXT NOT NULL,
        at        INTEGER NOT NULL,
        comment   TEXT
      );
      CREATE INDEX approvals_by_asset ON approvals (asset_id, hash, id);

      -- The file's own claims (xmpRights, PLUS, IPTC Ext): JSON, NULL when it has none.
      ALTER TABLE assets ADD COLUMN rights_claims TEXT;

      CREATE TABLE settings (
        key    TEXT PRIMARY KEY,
        value  TEXT NOT NULL
      ) WITHOUT ROWID;
`;
