// Versioned schema. Each step runs once, in order, inside a transaction; PRAGMA
// user_version records the last one applied. Never edit a shipped step: add a new one.

export interface Migration {
  version: number;
  sql: string;
}

export const migrations: Migration[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE catalogs (
        id        INTEGER PRIMARY KEY,
        path      TEXT NOT NULL UNIQUE,
        name      TEXT NOT NULL,
        added_at  TEXT NOT NULL
      );

      CREATE TABLE assets (
        id          INTEGER PRIMARY KEY,
        catalog_id  INTEGER NOT NULL REFERENCES catalogs(id) ON DELETE CASCADE,
        rel_path    TEXT NOT NULL,
        name        TEXT NOT NULL,
        bytes       INTEGER NOT NULL,
        mtime_ms    INTEGER NOT NULL,
        hash        TEXT,
        format      TEXT,
        width       INTEGER,
        height      INTEGER,
        state       TEXT NOT NULL DEFAULT 'pending'
                    CHECK (state IN ('pending', 'ok', 'error', 'missing')),
        error       TEXT,
        thumb       TEXT NOT NULL DEFAULT 'pending'
                    CHECK (thumb IN ('pending', 'ready', 'error', 'none')),
        added_at    INTEGER NOT NULL,
        UNIQUE (catalog_id, rel_path)
      );

      CREATE INDEX assets_by_name  ON assets (name COLLATE NOCASE, id);
      CREATE INDEX assets_by_hash  ON assets (hash);
      CREATE INDEX assets_by_state ON assets (state);
      CREATE INDEX assets_by_thumb ON assets (thumb);
    `,
  },
];
