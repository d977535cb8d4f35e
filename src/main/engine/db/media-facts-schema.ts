// Migration 22 (issue #15): the facts of rich media (video, documents, 3D models, spins) in a
// table of their own, one row per asset, with the content hash they were read from. Columns
// for what is searched (duration>30, pages>10, codec:h264, triangles<100000); the rest as
// JSON. A document's full text goes to an FTS5 table keyed by asset id, so `text:"…"` and
// free words find it without bloating assets_fts for every photo.
export const MEDIA_FACTS_SCHEMA = `
      CREATE TABLE media_facts (
        asset_id    INTEGER PRIMARY KEY REFERENCES assets(id) ON DELETE CASCADE,
        hash        TEXT NOT NULL,
        duration_ms INTEGER,
        codec       TEXT,
        fps         REAL,
        bitrate     INTEGER,
        audio       INTEGER,
        rotation    INTEGER,
        pages       INTEGER,
        title       TEXT,
        author      TEXT,
        meshes      INTEGER,
        triangles   INTEGER,
        materials   INTEGER,
        textures    INTEGER,
        frames      INTEGER,
        detail      TEXT NOT NULL DEFAULT '{}'
      );
      CREATE VIRTUAL TABLE document_text USING fts5(
        body, tokenize = 'unicode61 remove_diacritics 2'
      );
      CREATE TRIGGER media_facts_text_gone AFTER DELETE ON assets BEGIN
        DELETE FROM document_text WHERE rowid = old.id;
      END;
`;
