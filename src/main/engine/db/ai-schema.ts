// Migration 25 (issue #16): what the offline models found in each image, kept apart from
// what the user said. Results are per asset and name the content hash and model they came
// from (ai_runs), so an edited file or a newer model runs again and nothing else does.
// - Objects (COCO classes) and faces with their boxes, 0..1 of the image as shown.
// - Suggested tags (`AI|Object|Cup`) wait in ai_suggestions until the user accepts (the
//   tag is then a real tag, with undo) or rejects them (a later run does not suggest it again).
// - Faces carry their descriptor; face_groups are "same person" groups the user can name,
//   merge and split (`pinned` faces stay where the user put them), with releases that
//   follow the group to every photo of that person.
// - Text read by OCR, and the labels, go to ai_words (FTS5, rowid = asset id): `text:` and
//   free words find them.
// - A product whose SKU the OCR read is a link suggestion.
// - Image embeddings from a model the user brings (semantic search). Searches keep them in
//   memory as one packed buffer; ai_embedding_changes, written by triggers on every change
//   (whichever process or repository made it), tells them which rows to read again. The
//   last 10,000 changes are kept; a reader further behind reads everything.
export const AI_SCHEMA = `
      CREATE TABLE ai_runs (
        asset_id     INTEGER NOT NULL REFERENCES assets(id) ON DELETE CASCADE,
        task         TEXT NOT NULL CHECK (task IN ('objects', 'faces', 'text', 'embedding')),
        content_hash TEXT NOT NULL,
        model        TEXT NOT NULL,
        ran_at       INTEGER NOT NULL,
        error        TEXT,
        PRIMARY KEY (asset_id, task)
      ) WITHOUT ROWID;

      CREATE TABLE ai_objects (
        id         INTEGER PRIMARY KEY,
        asset_id   INTEGER NOT NULL REFERENCES assets(id) ON DELETE CASCADE,
        label      TEXT NOT NULL,
        confidence REAL NOT NULL,
        x REAL NOT NULL, y REAL NOT NULL, w REAL NOT NULL, h REAL NOT NULL
      );
      CREATE INDEX ai_objects_by_asset ON ai_objects (asset_id);
      CREATE INDEX ai_objects_by_label ON ai_objects (label, confidence);

      CREATE TABLE face_groups (
        id         INTEGER PRIMARY KEY,
        name       TEXT,
        created_at INTEGER NOT NULL,
        -- The sum of its faces' unit descriptors (Float32 LE): new faces join by it.
        centroid   BLOB
      );
      CREATE TABLE ai_faces (
        id         INTEGER PRIMARY KEY,
        asset_id   INTEGER NOT NULL REFERENCES assets(id) ON DELETE CASCADE,
        confidence REAL NOT NULL,
        x REAL NOT NULL, y REAL NOT NULL, w REAL NOT NULL, h REAL NOT NULL,
        descriptor BLOB NOT NULL,
        group_id   INTEGER REFERENCES face_groups(id) ON DELETE SET NULL,
        pinned     INTEGER NOT NULL DEFAULT 0
      );
      CREATE INDEX ai_faces_by_asset ON ai_faces (asset_id);
      CREATE INDEX ai_faces_by_group ON ai_faces (group_id);
      CREATE TABLE face_group_releases (
        group_id   INTEGER NOT NULL REFERENCES face_groups(id) ON DELETE CASCADE,
        release_id INTEGER NOT NULL REFERENCES releases(id) ON DELETE CASCADE,
        PRIMARY KEY (group_id, release_id)
      ) WITHOUT ROWID;

      CREATE TABLE ai_suggestions (
        asset_id   INTEGER NOT NULL REFERENCES assets(id) ON DELETE CASCADE,
        tag_path   TEXT NOT NULL,
        source     TEXT NOT NULL CHECK (source IN ('objects', 'faces', 'text')),
        confidence REAL NOT NULL,
        state      TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'accepted', 'rejected')),
        decided_at INTEGER,
        PRIMARY KEY (asset_id, tag_path)
      ) WITHOUT ROWID;
      CREATE INDEX ai_suggestions_by_state ON ai_suggestions (state, confidence);
      -- ai:<label> looks its tag path up (lower case, as the term compares it).
      CREATE INDEX ai_suggestions_by_path ON ai_suggestions (lower(tag_path));

      CREATE TABLE ai_text (
        asset_id INTEGER PRIMARY KEY REFERENCES assets(id) ON DELETE CASCADE,
        text     TEXT NOT NULL,
        words    TEXT NOT NULL DEFAULT '[]'
      );
      CREATE VIRTUAL TABLE ai_words USING fts5(
        labels, text, tokenize = 'unicode61 remove_diacritics 2'
      );
      CREATE TRIGGER ai_words_gone AFTER DELETE ON assets BEGIN
        DELETE FROM ai_words WHERE rowid = old.id;
      END;

      CREATE TABLE ai_link_suggestions (
        asset_id   INTEGER NOT NULL REFERENCES assets(id) ON DELETE CASCADE,
        product_id INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
        matched    TEXT NOT NULL,
        state      TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'accepted', 'rejected')),
        PRIMARY KEY (asset_id, product_id)
      ) WITHOUT ROWID;

      CREATE TABLE ai_embeddings (
        asset_id INTEGER PRIMARY KEY REFERENCES assets(id) ON DELETE CASCADE,
        model    TEXT NOT NULL,
        vector   BLOB NOT NULL
      );
      CREATE INDEX ai_embeddings_by_model ON ai_embeddings (model);
      CREATE TABLE ai_embedding_changes (
        version  INTEGER PRIMARY KEY AUTOINCREMENT,
        asset_id INTEGER NOT NULL
      );
      CREATE TRIGGER ai_embeddings_added AFTER INSERT ON ai_embeddings BEGIN
        INSERT INTO ai_embedding_changes (asset_id) VALUES (new.asset_id);
        DELETE FROM ai_embedding_changes WHERE version <= last_insert_rowid() - 10000;
      END;
      CREATE TRIGGER ai_embeddings_changed AFTER UPDATE ON ai_embeddings BEGIN
        INSERT INTO ai_embedding_changes (asset_id) VALUES (new.asset_id);
        DELETE FROM ai_embedding_changes WHERE version <= last_insert_rowid() - 10000;
      END;
      CREATE TRIGGER ai_embeddings_removed AFTER DELETE ON ai_embeddings BEGIN
        INSERT INTO ai_embedding_changes (asset_id) VALUES (old.asset_id);
        DELETE FROM ai_embedding_changes WHERE version <= last_insert_rowid() - 10000;
      END;
`;
