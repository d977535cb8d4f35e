// Versioned schema. Each step runs once, in order, inside a transaction; PRAGMA
// user_version records the last one applied. Never edit a shipped step: add a new one.
import { JOBS_SCHEMA } from './jobs-schema';
import { FILE_IDENTITY_SCHEMA } from './file-identity-schema';
import { RIGHTS_SCHEMA } from './rights-schema';

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
  {
    // Catalog engine: watching state, identity (duplicates, versions), metadata, placeholders.
    version: 2,
    sql: `
      ALTER TABLE catalogs ADD COLUMN online INTEGER NOT NULL DEFAULT 1;
      ALTER TABLE catalogs ADD COLUMN ignore TEXT NOT NULL DEFAULT '[]';

      ALTER TABLE assets ADD COLUMN kind TEXT NOT NULL DEFAULT 'image';
      ALTER TABLE assets ADD COLUMN folder TEXT NOT NULL DEFAULT '';
      ALTER TABLE assets ADD COLUMN orientation INTEGER;
      ALTER TABLE assets ADD COLUMN captured_at TEXT;
      ALTER TABLE assets ADD COLUMN camera TEXT;
      ALTER TABLE assets ADD COLUMN keywords TEXT NOT NULL DEFAULT '[]';
      ALTER TABLE assets ADD COLUMN metadata TEXT;
      ALTER TABLE assets ADD COLUMN duplicate_of INTEGER REFERENCES assets(id) ON DELETE SET NULL;
      ALTER TABLE assets ADD COLUMN placeholder TEXT;
      ALTER TABLE assets ADD COLUMN notice TEXT;

      UPDATE assets SET folder = CASE
        WHEN instr(rel_path, '/') = 0 THEN ''
        ELSE substr(rel_path, 1, length(rel_path) - length(name) - 1) END;

      CREATE TABLE asset_versions (
        id           INTEGER PRIMARY KEY,
        asset_id     INTEGER NOT NULL REFERENCES assets(id) ON DELETE CASCADE,
        hash         TEXT NOT NULL,
        bytes        INTEGER NOT NULL,
        width        INTEGER,
        height       INTEGER,
        recorded_at  TEXT NOT NULL
      );
      INSERT INTO asset_versions (asset_id, hash, bytes, width, height, recorded_at)
        SELECT id, hash, bytes, width, height, datetime('now') FROM assets WHERE hash IS NOT NULL;

      CREATE INDEX asset_versions_by_asset ON asset_versions (asset_id);
      CREATE INDEX assets_by_folder   ON assets (catalog_id, folder);
      CREATE INDEX assets_by_captured ON assets (captured_at, id);
      CREATE INDEX assets_by_added    ON assets (added_at, id);
      CREATE INDEX assets_by_size     ON assets (bytes, id);
      CREATE INDEX assets_by_dup      ON assets (duplicate_of);
    `,
  },
  {
    // Full-text search over what a person types: name, folder, title, description, keywords.
    // Kept in step with assets by triggers, so no code path can forget it.
    version: 3,
    sql: `
      CREATE VIRTUAL TABLE assets_fts USING fts5(
        name, folder, title, description, keywords,
        tokenize = 'unicode61 remove_diacritics 2'
      );
      INSERT INTO assets_fts (rowid, name, folder, title, description, keywords)
        SELECT id, name, folder, json_extract(metadata, '$.title'),
               json_extract(metadata, '$.description'), keywords FROM assets;
      CREATE TRIGGER assets_fts_insert AFTER INSERT ON assets BEGIN
        INSERT INTO assets_fts (rowid, name, folder, title, description, keywords)
        VALUES (new.id, new.name, new.folder, json_extract(new.metadata, '$.title'),
                json_extract(new.metadata, '$.description'), new.keywords);
      END;
      CREATE TRIGGER assets_fts_update
      AFTER UPDATE OF name, folder, metadata, keywords ON assets BEGIN
        DELETE FROM assets_fts WHERE rowid = old.id;
        INSERT INTO assets_fts (rowid, name, folder, title, description, keywords)
        VALUES (new.id, new.name, new.folder, json_extract(new.metadata, '$.title'),
                json_extract(new.metadata, '$.description'), new.keywords);
      END;
      CREATE TRIGGER assets_fts_delete AFTER DELETE ON assets BEGIN
        DELETE FROM assets_fts WHERE rowid = old.id;
      END;
    `,
  },
  {
    // Culling (rating, pick/reject flag, colour label) and the undo history of edits.
    version: 4,
    sql: `
      ALTER TABLE assets ADD COLUMN rating INTEGER NOT NULL DEFAULT 0 CHECK (rating BETWEEN 0 AND 5);
      ALTER TABLE assets ADD COLUMN flag TEXT NOT NULL DEFAULT 'none'
        CHECK (flag IN ('none', 'pick', 'reject'));
      ALTER TABLE assets ADD COLUMN label TEXT
        CHECK (label IS NULL OR label IN ('red', 'yellow', 'green', 'blue', 'purple'));
      CREATE INDEX assets_by_rating ON assets (rating);
      CREATE INDEX assets_by_flag ON assets (flag);

      CREATE TABLE edit_steps (
        id      INTEGER PRIMARY KEY,
        label   TEXT NOT NULL,
        ops     TEXT NOT NULL,
        undone  INTEGER NOT NULL DEFAULT 0,
        at      TEXT NOT NULL
      );
    `,
  },
  {
    // Hierarchical tags with stable ids. parent_id 0 is the root (NULL would defeat UNIQUE).
    // path ('Product|Shoes|Sneakers') is kept for search; keywords on assets mirror them.
    version: 5,
    sql: `
      CREATE TABLE tags (
        id         INTEGER PRIMARY KEY,
        parent_id  INTEGER NOT NULL DEFAULT 0,
        name       TEXT NOT NULL,
        path       TEXT NOT NULL,
        UNIQUE (parent_id, name)
      );
      CREATE INDEX tags_by_path ON tags (path COLLATE NOCASE);
      CREATE TABLE asset_tags (
        asset_id  INTEGER NOT NULL REFERENCES assets(id) ON DELETE CASCADE,
        tag_id    INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
        source    TEXT NOT NULL DEFAULT 'user' CHECK (source IN ('user', 'file')),
        PRIMARY KEY (asset_id, tag_id)
      ) WITHOUT ROWID;
      CREATE INDEX asset_tags_by_tag ON asset_tags (tag_id, asset_id);
    `,
  },
  {
    // Image analysis at index time, and groups of near-duplicates (bursts, retakes).
    version: 6,
    sql: `
      ALTER TABLE assets ADD COLUMN colors TEXT;
      ALTER TABLE assets ADD COLUMN color_names TEXT NOT NULL DEFAULT '[]';
      ALTER TABLE assets ADD COLUMN white_bg REAL;
      ALTER TABLE assets ADD COLUMN fill REAL;
      ALTER TABLE assets ADD COLUMN sharpness REAL;
      ALTER TABLE assets ADD COLUMN phash TEXT;
      ALTER TABLE assets ADD COLUMN similar_group INTEGER;
      CREATE INDEX assets_by_similar ON assets (similar_group);
    `,
  },
  {
    // Write-back of keywords, rating and label to XMP, per catalog, off by default.
    version: 7,
    sql: `
      ALTER TABLE catalogs ADD COLUMN xmp_mode TEXT NOT NULL DEFAULT 'off'
        CHECK (xmp_mode IN ('off', 'sidecar', 'embedded'));
      ALTER TABLE catalogs ADD COLUMN xmp_naming TEXT NOT NULL DEFAULT 'adobe'
        CHECK (xmp_naming IN ('adobe', 'extension'));
    `,
  },
  {
    // Products (SKUs) with variants, links from assets to products by role and position, and
    // filename rules that link by name. Links hang on asset ids, so they survive moves.
    version: 8,
    sql: `
      CREATE TABLE products (
        id            INTEGER PRIMARY KEY,
        sku           TEXT NOT NULL UNIQUE COLLATE NOCASE,
        name          TEXT NOT NULL DEFAULT '',
        parent_id     INTEGER REFERENCES products(id) ON DELETE SET NULL,
        attributes    TEXT NOT NULL DEFAULT '{}',
        channels      TEXT NOT NULL DEFAULT '[]',
        product_type  TEXT,
        created_at    INTEGER NOT NULL,
        updated_at    INTEGER NOT NULL
      );
      CREATE INDEX products_by_parent ON products (parent_id);
      CREATE INDEX products_by_name ON products (name COLLATE NOCASE);

      CREATE TABLE product_links (
        product_id  INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
        asset_id    INTEGER NOT NULL REFERENCES assets(id) ON DELETE CASCADE,
        role        TEXT NOT NULL CHECK (role IN ('main', 'gallery', 'detail', 'lifestyle',
                      'swatch', 'spin', 'video', 'document', 'model')),
        position    INTEGER NOT NULL,
        linked_at   INTEGER NOT NULL,
        PRIMARY KEY (product_id, asset_id)
      ) WITHOUT ROWID;
      CREATE INDEX product_links_by_asset ON product_links (asset_id);
      CREATE INDEX product_links_by_slot ON product_links (product_id, role, position);

      CREATE TABLE link_rules (
        id          INTEGER PRIMARY KEY,
        name        TEXT NOT NULL,
        pattern     TEXT NOT NULL,
        auto        INTEGER NOT NULL DEFAULT 0,
        created_at  INTEGER NOT NULL
      );
    `,
  },
  {
    // Intake rules per catalog (which tags a file gets from its folder, name and EXIF when
    // indexed), the tag links they made (so re-applying them can take back what they no
    // longer give, never a user's own tag), naming violations, and collections: saved
    // searches and hand-ordered lists of assets (by id, so they survive moves).
    version: 9,
    sql: `
      CREATE TABLE intake_rules (
        catalog_id  INTEGER PRIMARY KEY REFERENCES catalogs(id) ON DELETE CASCADE,
        rules       TEXT NOT NULL,
        updated_at  INTEGER NOT NULL
      );
      CREATE TABLE intake_tags (
        asset_id  INTEGER NOT NULL REFERENCES assets(id) ON DELETE CASCADE,
        tag_id    INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
        PRIMARY KEY (asset_id, tag_id)
      ) WITHOUT ROWID;
      ALTER TABLE assets ADD COLUMN violation TEXT;
      CREATE INDEX assets_by_violation ON assets (violation) WHERE violation IS NOT NULL;

      CREATE TABLE collections (
        id          INTEGER PRIMARY KEY,
        name        TEXT NOT NULL UNIQUE COLLATE NOCASE,
        kind        TEXT NOT NULL CHECK (kind IN ('smart', 'manual')),
        query       TEXT,
        created_at  INTEGER NOT NULL,
        CHECK ((kind = 'smart') = (query IS NOT NULL))
      );
      CREATE TABLE collection_items (
        collection_id  INTEGER NOT NULL REFERENCES collections(id) ON DELETE CASCADE,
        asset_id       INTEGER NOT NULL REFERENCES assets(id) ON DELETE CASCADE,
        position       INTEGER NOT NULL,
        PRIMARY KEY (collection_id, asset_id)
      ) WITHOUT ROWID;
      CREATE INDEX collection_items_by_position ON collection_items (collection_id, position);
      CREATE INDEX collection_items_by_asset ON collection_items (asset_id);
    `,
  },
  {
    // Channel packs: the user's presets (and edits of built-in ones, which ship as JSON in
    // resources/presets), focal points set in the loupe, and per-asset rendition overrides
    // (preset_id '*': every preset).
    version: 10,
    sql: `
      CREATE TABLE channel_presets (
        id          TEXT PRIMARY KEY,
        body        TEXT NOT NULL,
        version     INTEGER NOT NULL,
        based_on    TEXT,
        updated_at  INTEGER NOT NULL
      );
      CREATE TABLE asset_focus (
        asset_id  INTEGER PRIMARY KEY REFERENCES assets(id) ON DELETE CASCADE,
        x         REAL NOT NULL CHECK (x BETWEEN 0 AND 1),
        y         REAL NOT NULL CHECK (y BETWEEN 0 AND 1)
      );
      CREATE TABLE rendition_overrides (
        asset_id   INTEGER NOT NULL REFERENCES assets(id) ON DELETE CASCADE,
        preset_id  TEXT NOT NULL,
        options    TEXT NOT NULL,
        PRIMARY KEY (asset_id, preset_id)
      ) WITHOUT ROWID;
    `,
  },
  {
    // XMP sidecars as last read with their asset (size, mtime): the start-up walk compares
    // them, so a sidecar changed while Packshot was closed gets its asset's metadata re-read.
    // Covering indexes for the start-up reconciliation.
    version: 11,
    sql: `
      CREATE TABLE sidecars (
        catalog_id  INTEGER NOT NULL REFERENCES catalogs(id) ON DELETE CASCADE,
        rel_path    TEXT NOT NULL,
        bytes       INTEGER NOT NULL,
        mtime_ms    INTEGER NOT NULL,
        PRIMARY KEY (catalog_id, rel_path)
      ) WITHOUT ROWID;

      -- A restart compares every file with the index: read (path, size, mtime, state)
      -- from an index alone, not from 100,000 wide rows; and count a catalog's assets
      -- by state the same way.
      CREATE INDEX assets_by_catalog_file ON assets (catalog_id, rel_path, bytes, mtime_ms, state);
      CREATE INDEX assets_by_catalog_state ON assets (catalog_id, state);
    `,
  },
  {
    // Search and the grid at 100,000 assets: rows are wide (metadata, keywords), so any
    // filter SQLite checks on the table reads ~200 MB. This index holds, in the grid's
    // default order, every column a search filters on: lists walk it and touch the table only
    // for the rows they return; counts scan it alone.
    version: 12,
    sql: `
      CREATE INDEX assets_grid ON assets (
        name COLLATE NOCASE, id, catalog_id, state, rating, flag, label, kind, format,
        width, height, bytes, captured_at, camera, duplicate_of, similar_group, color_names
      );
    `,
  },
  {
    // Tagging 10,000 assets in one step: tag links no longer rewrite each asset's row. The
    // keywords copy on assets (which fired a five-column full-text re-index per asset) goes;
    // keywords are read from asset_tags when shown, and free words find tags through a
    // small full-text index over tag paths (search joins it through asset_tags).
    version: 13,
    sql: `
      DROP TRIGGER assets_fts_insert;
      DROP TRIGGER assets_fts_update;
      DROP TRIGGER assets_fts_delete;
      DROP TABLE assets_fts;
      ALTER TABLE assets DROP COLUMN keywords;

      CREATE VIRTUAL TABLE assets_fts USING fts5(
        name, folder, title, description,
        tokenize = 'unicode61 remove_diacritics 2'
      );
      INSERT INTO assets_fts (rowid, name, folder, title, description)
        SELECT id, name, folder, json_extract(metadata, '$.title'),
               json_extract(metadata, '$.description') FROM assets;
      CREATE TRIGGER assets_fts_insert AFTER INSERT ON assets BEGIN
        INSERT INTO assets_fts (rowid, name, folder, title, description)
        VALUES (new.id, new.name, new.folder, json_extract(new.metadata, '$.title'),
                json_extract(new.metadata, '$.description'));
      END;
      CREATE TRIGGER assets_fts_update AFTER UPDATE OF name, folder, metadata ON assets BEGIN
        DELETE FROM assets_fts WHERE rowid = old.id;
        INSERT INTO assets_fts (rowid, name, folder, title, description)
        VALUES (new.id, new.name, new.folder, json_extract(new.metadata, '$.title'),
                json_extract(new.metadata, '$.description'));
      END;
      CREATE TRIGGER assets_fts_delete AFTER DELETE ON assets BEGIN
        DELETE FROM assets_fts WHERE rowid = old.id;
      END;

      CREATE VIRTUAL TABLE tags_fts USING fts5(
        path, tokenize = 'unicode61 remove_diacritics 2'
      );
      INSERT INTO tags_fts (rowid, path) SELECT id, path FROM tags;
      CREATE TRIGGER tags_fts_insert AFTER INSERT ON tags BEGIN
        INSERT INTO tags_fts (rowid, path) VALUES (new.id, new.path);
      END;
      CREATE TRIGGER tags_fts_update AFTER UPDATE OF path ON tags BEGIN
        DELETE FROM tags_fts WHERE rowid = old.id;
        INSERT INTO tags_fts (rowid, path) VALUES (new.id, new.path);
      END;
      CREATE TRIGGER tags_fts_delete AFTER DELETE ON tags BEGIN
        DELETE FROM tags_fts WHERE rowid = old.id;
      END;
    `,
  },
  {
    // Undo steps as registered kinds: each stored op `{type, ...}` becomes a part
    // `{kind, data}` whose kind names the domain handler that undoes it.
    version: 14,
    sql: `
      UPDATE edit_steps SET ops = (
        SELECT json_group_array(json_object(
          'kind', CASE json_extract(o.value, '$.type')
            WHEN 'field' THEN 'culling.field'
            WHEN 'links' THEN 'tags.links'
            WHEN 'place' THEN 'tags.place'
            WHEN 'merge' THEN 'tags.merge'
            WHEN 'productLinks' THEN 'products.links'
            WHEN 'collection' THEN 'collections.items'
            ELSE json_extract(o.value, '$.type') END,
          'data', json(json_remove(o.value, '$.type'))))
        FROM json_each(edit_steps.ops) o)
      WHERE json_type(ops, '$[0].type') IS NOT NULL;
    `,
  },
  // Durable jobs (jobs/); the table is described beside its SQL.
  { version: 15, sql: JOBS_SCHEMA },
  { version: 16, sql: FILE_IDENTITY_SCHEMA },
  { version: 17, sql: RIGHTS_SCHEMA }, // licences, releases, approvals, claims, settings
];
