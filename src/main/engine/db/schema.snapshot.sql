PRAGMA user_version = 26;

-- index ai_embeddings_by_model on ai_embeddings
CREATE INDEX ai_embeddings_by_model ON ai_embeddings (model);

-- index ai_faces_by_asset on ai_faces
CREATE INDEX ai_faces_by_asset ON ai_faces (asset_id);

-- index ai_faces_by_group on ai_faces
CREATE INDEX ai_faces_by_group ON ai_faces (group_id);

-- index ai_objects_by_asset on ai_objects
CREATE INDEX ai_objects_by_asset ON ai_objects (asset_id);

-- index ai_objects_by_label on ai_objects
CREATE INDEX ai_objects_by_label ON ai_objects (label, confidence);

-- index ai_suggestions_by_path on ai_suggestions
CREATE INDEX ai_suggestions_by_path ON ai_suggestions (lower(tag_path));

-- index ai_suggestions_by_state on ai_suggestions
CREATE INDEX ai_suggestions_by_state ON ai_suggestions (state, confidence);

-- index approvals_by_asset on approvals
CREATE INDEX approvals_by_asset ON approvals (asset_id, hash, id);

-- index asset_licences_by_licence on asset_licences
CREATE INDEX asset_licences_by_licence ON asset_licences (licence_id, asset_id);

-- index asset_releases_by_release on asset_releases
CREATE INDEX asset_releases_by_release ON asset_releases (release_id, asset_id);

-- index asset_tags_by_tag on asset_tags
CREATE INDEX asset_tags_by_tag ON asset_tags (tag_id, asset_id);

-- index asset_versions_by_asset on asset_versions
CREATE INDEX asset_versions_by_asset ON asset_versions (asset_id);

-- index asset_versions_by_hash on asset_versions
CREATE INDEX asset_versions_by_hash ON asset_versions (hash);

-- index assets_by_added on assets
CREATE INDEX assets_by_added ON assets (added_at, id);

-- index assets_by_captured on assets
CREATE INDEX assets_by_captured ON assets (captured_at, id);

-- index assets_by_catalog_file on assets
CREATE INDEX assets_by_catalog_file ON assets (catalog_id, rel_path, bytes, mtime_ms, state, ino, dev);

-- index assets_by_catalog_state on assets
CREATE INDEX assets_by_catalog_state ON assets (catalog_id, state);

-- index assets_by_dup on assets
CREATE INDEX assets_by_dup ON assets (duplicate_of);

-- index assets_by_flag on assets
CREATE INDEX assets_by_flag ON assets (flag);

-- index assets_by_folder on assets
CREATE INDEX assets_by_folder ON assets (catalog_id, folder);

-- index assets_by_hash on assets
CREATE INDEX assets_by_hash ON assets (hash);

-- index assets_by_name on assets
CREATE INDEX assets_by_name ON assets (name COLLATE NOCASE, id);

-- index assets_by_rating on assets
CREATE INDEX assets_by_rating ON assets (rating);

-- index assets_by_similar on assets
CREATE INDEX assets_by_similar ON assets (similar_group);

-- index assets_by_size on assets
CREATE INDEX assets_by_size ON assets (bytes, id);

-- index assets_by_state on assets
CREATE INDEX assets_by_state ON assets (state);

-- index assets_by_thumb on assets
CREATE INDEX assets_by_thumb ON assets (thumb);

-- index assets_by_violation on assets
CREATE INDEX assets_by_violation ON assets (violation) WHERE violation IS NOT NULL;

-- index assets_grid on assets
CREATE INDEX assets_grid ON assets (name COLLATE NOCASE, id, catalog_id, state, rating, flag, label, kind, format, width, height, bytes, captured_at, camera, duplicate_of, similar_group, color_names);

-- index audit_log_by_at on audit_log
CREATE INDEX audit_log_by_at ON audit_log (at);

-- index audit_log_by_subject on audit_log
CREATE INDEX audit_log_by_subject ON audit_log (subject_kind, subject_id, id);

-- index collection_items_by_asset on collection_items
CREATE INDEX collection_items_by_asset ON collection_items (asset_id);

-- index collection_items_by_position on collection_items
CREATE INDEX collection_items_by_position ON collection_items (collection_id, position);

-- index jobs_by_lock on jobs
CREATE INDEX jobs_by_lock ON jobs (lock_key) WHERE lock_key IS NOT NULL;

-- index jobs_by_owner on jobs
CREATE INDEX jobs_by_owner ON jobs (owner_token, state);

-- index jobs_finished on jobs
CREATE INDEX jobs_finished ON jobs (finished_at) WHERE finished_at IS NOT NULL;

-- index jobs_live on jobs
CREATE INDEX jobs_live ON jobs (state, name, id) WHERE state IN ('queued', 'running');

-- index licences_by_end on licences
CREATE INDEX licences_by_end ON licences (ends_on);

-- index product_links_by_asset on product_links
CREATE INDEX product_links_by_asset ON product_links (asset_id);

-- index product_links_by_slot on product_links
CREATE INDEX product_links_by_slot ON product_links (product_id, role, position);

-- index products_by_name on products
CREATE INDEX products_by_name ON products (name COLLATE NOCASE);

-- index products_by_parent on products
CREATE INDEX products_by_parent ON products (parent_id);

-- index spin_frames_by_spin on spin_frames
CREATE INDEX spin_frames_by_spin ON spin_frames (spin_id, position);

-- index spins_by_cover on spins
CREATE INDEX spins_by_cover ON spins (cover_asset_id);

-- index sqlite_autoindex_assets_1 on assets
-- (no SQL)

-- index sqlite_autoindex_catalogs_1 on catalogs
-- (no SQL)

-- index sqlite_autoindex_channel_presets_1 on channel_presets
-- (no SQL)

-- index sqlite_autoindex_collections_1 on collections
-- (no SQL)

-- index sqlite_autoindex_products_1 on products
-- (no SQL)

-- index sqlite_autoindex_tags_1 on tags
-- (no SQL)

-- index tags_by_path on tags
CREATE INDEX tags_by_path ON tags (path COLLATE NOCASE);

-- index usages_by_asset on usages
CREATE INDEX usages_by_asset ON usages (asset_id, exported_at);

-- index usages_live on usages
CREATE UNIQUE INDEX usages_live ON usages (pack, file) WHERE removed_at IS NULL;

-- index webhook_deliveries_by_subscription on webhook_deliveries
CREATE INDEX webhook_deliveries_by_subscription ON webhook_deliveries (subscription_id, created_at);

-- table ai_embedding_changes on ai_embedding_changes
CREATE TABLE ai_embedding_changes (version INTEGER PRIMARY KEY AUTOINCREMENT, asset_id INTEGER NOT NULL);

-- table ai_embeddings on ai_embeddings
CREATE TABLE ai_embeddings (asset_id INTEGER PRIMARY KEY REFERENCES assets(id) ON DELETE CASCADE, model TEXT NOT NULL, vector BLOB NOT NULL);

-- table ai_faces on ai_faces
CREATE TABLE ai_faces (id INTEGER PRIMARY KEY, asset_id INTEGER NOT NULL REFERENCES assets(id) ON DELETE CASCADE, confidence REAL NOT NULL, x REAL NOT NULL, y REAL NOT NULL, w REAL NOT NULL, h REAL NOT NULL, descriptor BLOB NOT NULL, group_id INTEGER REFERENCES face_groups(id) ON DELETE SET NULL, pinned INTEGER NOT NULL DEFAULT 0);

-- table ai_link_suggestions on ai_link_suggestions
CREATE TABLE ai_link_suggestions (asset_id INTEGER NOT NULL REFERENCES assets(id) ON DELETE CASCADE, product_id INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE, matched TEXT NOT NULL, state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'accepted', 'rejected')), PRIMARY KEY (asset_id, product_id)) WITHOUT ROWID;

-- table ai_objects on ai_objects
CREATE TABLE ai_objects (id INTEGER PRIMARY KEY, asset_id INTEGER NOT NULL REFERENCES assets(id) ON DELETE CASCADE, label TEXT NOT NULL, confidence REAL NOT NULL, x REAL NOT NULL, y REAL NOT NULL, w REAL NOT NULL, h REAL NOT NULL);

-- table ai_runs on ai_runs
CREATE TABLE ai_runs (asset_id INTEGER NOT NULL REFERENCES assets(id) ON DELETE CASCADE, task TEXT NOT NULL CHECK (task IN ('objects', 'faces', 'text', 'embedding')), content_hash TEXT NOT NULL, model TEXT NOT NULL, ran_at INTEGER NOT NULL, error TEXT, PRIMARY KEY (asset_id, task)) WITHOUT ROWID;

-- table ai_suggestions on ai_suggestions
CREATE TABLE ai_suggestions (asset_id INTEGER NOT NULL REFERENCES assets(id) ON DELETE CASCADE, tag_path TEXT NOT NULL, source TEXT NOT NULL CHECK (source IN ('objects', 'faces', 'text')), confidence REAL NOT NULL, state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'accepted', 'rejected')), decided_at INTEGER, PRIMARY KEY (asset_id, tag_path)) WITHOUT ROWID;

-- table ai_text on ai_text
CREATE TABLE ai_text (asset_id INTEGER PRIMARY KEY REFERENCES assets(id) ON DELETE CASCADE, text TEXT NOT NULL, words TEXT NOT NULL DEFAULT '[]');

-- table ai_words on ai_words
CREATE VIRTUAL TABLE ai_words USING fts5(labels, text, tokenize = 'unicode61 remove_diacritics 2');

-- table ai_words_config on ai_words_config
CREATE TABLE 'ai_words_config'(k PRIMARY KEY, v) WITHOUT ROWID;

-- table ai_words_content on ai_words_content
CREATE TABLE 'ai_words_content'(id INTEGER PRIMARY KEY, c0, c1);

-- table ai_words_data on ai_words_data
CREATE TABLE 'ai_words_data'(id INTEGER PRIMARY KEY, block BLOB);

-- table ai_words_docsize on ai_words_docsize
CREATE TABLE 'ai_words_docsize'(id INTEGER PRIMARY KEY, sz BLOB);

-- table ai_words_idx on ai_words_idx
CREATE TABLE 'ai_words_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;

-- table approvals on approvals
CREATE TABLE approvals (id INTEGER PRIMARY KEY AUTOINCREMENT, asset_id INTEGER NOT NULL REFERENCES assets(id) ON DELETE CASCADE, hash TEXT NOT NULL, state TEXT NOT NULL CHECK (state IN ('draft', 'in-review', 'approved', 'rejected')), who TEXT NOT NULL, at INTEGER NOT NULL, comment TEXT , undone_at INTEGER);

-- table asset_focus on asset_focus
CREATE TABLE asset_focus (asset_id INTEGER PRIMARY KEY REFERENCES assets(id) ON DELETE CASCADE, x REAL NOT NULL CHECK (x BETWEEN 0 AND 1), y REAL NOT NULL CHECK (y BETWEEN 0 AND 1));

-- table asset_licences on asset_licences
CREATE TABLE asset_licences (asset_id INTEGER NOT NULL REFERENCES assets(id) ON DELETE CASCADE, licence_id INTEGER NOT NULL REFERENCES licences(id) ON DELETE CASCADE, PRIMARY KEY (asset_id, licence_id)) WITHOUT ROWID;

-- table asset_releases on asset_releases
CREATE TABLE asset_releases (asset_id INTEGER NOT NULL REFERENCES assets(id) ON DELETE CASCADE, release_id INTEGER NOT NULL REFERENCES releases(id) ON DELETE CASCADE, PRIMARY KEY (asset_id, release_id)) WITHOUT ROWID;

-- table asset_tags on asset_tags
CREATE TABLE asset_tags (asset_id INTEGER NOT NULL REFERENCES assets(id) ON DELETE CASCADE, tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE, source TEXT NOT NULL DEFAULT 'user' CHECK (source IN ('user', 'file')), PRIMARY KEY (asset_id, tag_id)) WITHOUT ROWID;

-- table asset_versions on asset_versions
CREATE TABLE asset_versions (id INTEGER PRIMARY KEY, asset_id INTEGER NOT NULL REFERENCES assets(id) ON DELETE CASCADE, hash TEXT NOT NULL, bytes INTEGER NOT NULL, width INTEGER, height INTEGER, recorded_at TEXT NOT NULL);

-- table assets on assets
CREATE TABLE assets (id INTEGER PRIMARY KEY, catalog_id INTEGER NOT NULL REFERENCES catalogs(id) ON DELETE CASCADE, rel_path TEXT NOT NULL, name TEXT NOT NULL, bytes INTEGER NOT NULL, mtime_ms INTEGER NOT NULL, hash TEXT, format TEXT, width INTEGER, height INTEGER, state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'ok', 'error', 'missing')), error TEXT, thumb TEXT NOT NULL DEFAULT 'pending' CHECK (thumb IN ('pending', 'ready', 'error', 'none')), added_at INTEGER NOT NULL, kind TEXT NOT NULL DEFAULT 'image', folder TEXT NOT NULL DEFAULT '', orientation INTEGER, captured_at TEXT, camera TEXT, metadata TEXT, duplicate_of INTEGER REFERENCES assets(id) ON DELETE SET NULL, placeholder TEXT, notice TEXT, rating INTEGER NOT NULL DEFAULT 0 CHECK (rating BETWEEN 0 AND 5), flag TEXT NOT NULL DEFAULT 'none' CHECK (flag IN ('none', 'pick', 'reject')), label TEXT CHECK (label IS NULL OR label IN ('red', 'yellow', 'green', 'blue', 'purple')), colors TEXT, color_names TEXT NOT NULL DEFAULT '[]', white_bg REAL, fill REAL, sharpness REAL, phash TEXT, similar_group INTEGER, violation TEXT, ino INTEGER, dev INTEGER, rights_claims TEXT, pure_white_border INTEGER, UNIQUE (catalog_id, rel_path));

-- table assets_fts on assets_fts
CREATE VIRTUAL TABLE assets_fts USING fts5(name, folder, title, description, tokenize = 'unicode61 remove_diacritics 2');

-- table assets_fts_config on assets_fts_config
CREATE TABLE 'assets_fts_config'(k PRIMARY KEY, v) WITHOUT ROWID;

-- table assets_fts_content on assets_fts_content
CREATE TABLE 'assets_fts_content'(id INTEGER PRIMARY KEY, c0, c1, c2, c3);

-- table assets_fts_data on assets_fts_data
CREATE TABLE 'assets_fts_data'(id INTEGER PRIMARY KEY, block BLOB);

-- table assets_fts_docsize on assets_fts_docsize
CREATE TABLE 'assets_fts_docsize'(id INTEGER PRIMARY KEY, sz BLOB);

-- table assets_fts_idx on assets_fts_idx
CREATE TABLE 'assets_fts_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;

-- table audit_assets on audit_assets
CREATE TABLE audit_assets (asset_id INTEGER NOT NULL, entry_id INTEGER NOT NULL, PRIMARY KEY (asset_id, entry_id)) WITHOUT ROWID;

-- table audit_head on audit_head
CREATE TABLE audit_head (only INTEGER PRIMARY KEY CHECK (only = 1), last_id INTEGER NOT NULL, hash TEXT NOT NULL);

-- table audit_log on audit_log
CREATE TABLE audit_log (id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, who TEXT NOT NULL, action TEXT NOT NULL, subject_kind TEXT NOT NULL, subject_id TEXT NOT NULL, before TEXT, after TEXT, prev_hash TEXT NOT NULL, hash TEXT NOT NULL);

-- table catalogs on catalogs
CREATE TABLE catalogs (id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE, name TEXT NOT NULL, added_at TEXT NOT NULL , online INTEGER NOT NULL DEFAULT 1, ignore TEXT NOT NULL DEFAULT '[]', xmp_mode TEXT NOT NULL DEFAULT 'off' CHECK (xmp_mode IN ('off', 'sidecar', 'embedded')), xmp_naming TEXT NOT NULL DEFAULT 'adobe' CHECK (xmp_naming IN ('adobe', 'extension')));

-- table channel_presets on channel_presets
CREATE TABLE channel_presets (id TEXT PRIMARY KEY, body TEXT NOT NULL, version INTEGER NOT NULL, based_on TEXT, updated_at INTEGER NOT NULL);

-- table clone_support on clone_support
CREATE TABLE clone_support (catalog_id INTEGER PRIMARY KEY REFERENCES catalogs(id) ON DELETE CASCADE, catalog_dev INTEGER NOT NULL, data_dev INTEGER NOT NULL, clones INTEGER NOT NULL, reason TEXT, probed_at TEXT NOT NULL);

-- table collection_items on collection_items
CREATE TABLE collection_items (collection_id INTEGER NOT NULL REFERENCES collections(id) ON DELETE CASCADE, asset_id INTEGER NOT NULL REFERENCES assets(id) ON DELETE CASCADE, position INTEGER NOT NULL, PRIMARY KEY (collection_id, asset_id)) WITHOUT ROWID;

-- table collections on collections
CREATE TABLE collections (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE COLLATE NOCASE, kind TEXT NOT NULL CHECK (kind IN ('smart', 'manual')), query TEXT, created_at INTEGER NOT NULL, CHECK ((kind = 'smart') = (query IS NOT NULL)));

-- table document_text on document_text
CREATE VIRTUAL TABLE document_text USING fts5(body, tokenize = 'unicode61 remove_diacritics 2');

-- table document_text_config on document_text_config
CREATE TABLE 'document_text_config'(k PRIMARY KEY, v) WITHOUT ROWID;

-- table document_text_content on document_text_content
CREATE TABLE 'document_text_content'(id INTEGER PRIMARY KEY, c0);

-- table document_text_data on document_text_data
CREATE TABLE 'document_text_data'(id INTEGER PRIMARY KEY, block BLOB);

-- table document_text_docsize on document_text_docsize
CREATE TABLE 'document_text_docsize'(id INTEGER PRIMARY KEY, sz BLOB);

-- table document_text_idx on document_text_idx
CREATE TABLE 'document_text_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;

-- table edit_steps on edit_steps
CREATE TABLE edit_steps (id INTEGER PRIMARY KEY, label TEXT NOT NULL, ops TEXT NOT NULL, undone INTEGER NOT NULL DEFAULT 0, at TEXT NOT NULL);

-- table face_group_releases on face_group_releases
CREATE TABLE face_group_releases (group_id INTEGER NOT NULL REFERENCES face_groups(id) ON DELETE CASCADE, release_id INTEGER NOT NULL REFERENCES releases(id) ON DELETE CASCADE, PRIMARY KEY (group_id, release_id)) WITHOUT ROWID;

-- table face_groups on face_groups
CREATE TABLE face_groups (id INTEGER PRIMARY KEY, name TEXT, created_at INTEGER NOT NULL, -- The sum of its faces' unit descriptors (Float32 LE): new faces join by it. centroid BLOB);

-- table intake_rules on intake_rules
CREATE TABLE intake_rules (catalog_id INTEGER PRIMARY KEY REFERENCES catalogs(id) ON DELETE CASCADE, rules TEXT NOT NULL, updated_at INTEGER NOT NULL);

-- table intake_tags on intake_tags
CREATE TABLE intake_tags (asset_id INTEGER NOT NULL REFERENCES assets(id) ON DELETE CASCADE, tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE, PRIMARY KEY (asset_id, tag_id)) WITHOUT ROWID;

-- table jobs on jobs
CREATE TABLE jobs (id INTEGER PRIMARY KEY, name TEXT NOT NULL, args TEXT NOT NULL DEFAULT '{}', lock_key TEXT, state TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'running', 'done', 'failed', 'cancelled')), done INTEGER NOT NULL DEFAULT 0, total INTEGER NOT NULL DEFAULT 0, rate REAL NOT NULL DEFAULT 0, detail TEXT, result TEXT, error TEXT, attempts INTEGER NOT NULL DEFAULT 0, cancel_requested INTEGER NOT NULL DEFAULT 0, created_at INTEGER NOT NULL, started_at INTEGER, finished_at INTEGER, owner_pid INTEGER, owner_host TEXT, owner_token TEXT, heartbeat_at INTEGER);

-- table licences on licences
CREATE TABLE licences (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, licensor TEXT, contact TEXT, type TEXT NOT NULL, cc_variant TEXT, reference TEXT, contract_path TEXT, credit_line TEXT, credit_required INTEGER NOT NULL DEFAULT 0, starts_on TEXT, ends_on TEXT, warn_days INTEGER NOT NULL DEFAULT 30, territories_mode TEXT CHECK (territories_mode IS NULL OR territories_mode IN ('include', 'exclude')), territories TEXT, channels TEXT, media TEXT, modifications_allowed INTEGER NOT NULL DEFAULT 1, created_at INTEGER NOT NULL);

-- table link_rules on link_rules
CREATE TABLE link_rules (id INTEGER PRIMARY KEY, name TEXT NOT NULL, pattern TEXT NOT NULL, auto INTEGER NOT NULL DEFAULT 0, created_at INTEGER NOT NULL);

-- table media_facts on media_facts
CREATE TABLE media_facts (asset_id INTEGER PRIMARY KEY REFERENCES assets(id) ON DELETE CASCADE, hash TEXT NOT NULL, duration_ms INTEGER, codec TEXT, fps REAL, bitrate INTEGER, audio INTEGER, rotation INTEGER, pages INTEGER, title TEXT, author TEXT, meshes INTEGER, triangles INTEGER, materials INTEGER, textures INTEGER, frames INTEGER, detail TEXT NOT NULL DEFAULT '{}');

-- table product_links on product_links
CREATE TABLE product_links (product_id INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE, asset_id INTEGER NOT NULL REFERENCES assets(id) ON DELETE CASCADE, role TEXT NOT NULL CHECK (role IN ('main', 'gallery', 'detail', 'lifestyle', 'swatch', 'spin', 'video', 'document', 'model')), position INTEGER NOT NULL, linked_at INTEGER NOT NULL, PRIMARY KEY (product_id, asset_id)) WITHOUT ROWID;

-- table products on products
CREATE TABLE products (id INTEGER PRIMARY KEY, sku TEXT NOT NULL UNIQUE COLLATE NOCASE, name TEXT NOT NULL DEFAULT '', parent_id INTEGER REFERENCES products(id) ON DELETE SET NULL, attributes TEXT NOT NULL DEFAULT '{}', channels TEXT NOT NULL DEFAULT '[]', product_type TEXT, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL);

-- table releases on releases
CREATE TABLE releases (id INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL CHECK (kind IN ('model', 'property', 'minor')), subject TEXT, signed_on TEXT NOT NULL, expires_on TEXT, restrictions TEXT, document_path TEXT, created_at INTEGER NOT NULL);

-- table rendition_overrides on rendition_overrides
CREATE TABLE rendition_overrides (asset_id INTEGER NOT NULL REFERENCES assets(id) ON DELETE CASCADE, preset_id TEXT NOT NULL, options TEXT NOT NULL, PRIMARY KEY (asset_id, preset_id)) WITHOUT ROWID;

-- table settings on settings
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;

-- table sidecars on sidecars
CREATE TABLE sidecars (catalog_id INTEGER NOT NULL REFERENCES catalogs(id) ON DELETE CASCADE, rel_path TEXT NOT NULL, bytes INTEGER NOT NULL, mtime_ms INTEGER NOT NULL, PRIMARY KEY (catalog_id, rel_path)) WITHOUT ROWID;

-- table spin_frames on spin_frames
CREATE TABLE spin_frames (asset_id INTEGER PRIMARY KEY REFERENCES assets(id) ON DELETE CASCADE, spin_id INTEGER NOT NULL REFERENCES spins(id) ON DELETE CASCADE, position INTEGER NOT NULL, number INTEGER);

-- table spins on spins
CREATE TABLE spins (id INTEGER PRIMARY KEY, name TEXT NOT NULL, created_at INTEGER NOT NULL, source TEXT, cover_asset_id INTEGER);

-- table sqlite_sequence on sqlite_sequence
CREATE TABLE sqlite_sequence(name,seq);

-- table tags on tags
CREATE TABLE tags (id INTEGER PRIMARY KEY, parent_id INTEGER NOT NULL DEFAULT 0, name TEXT NOT NULL, path TEXT NOT NULL, UNIQUE (parent_id, name));

-- table tags_fts on tags_fts
CREATE VIRTUAL TABLE tags_fts USING fts5(path, tokenize = 'unicode61 remove_diacritics 2');

-- table tags_fts_config on tags_fts_config
CREATE TABLE 'tags_fts_config'(k PRIMARY KEY, v) WITHOUT ROWID;

-- table tags_fts_content on tags_fts_content
CREATE TABLE 'tags_fts_content'(id INTEGER PRIMARY KEY, c0);

-- table tags_fts_data on tags_fts_data
CREATE TABLE 'tags_fts_data'(id INTEGER PRIMARY KEY, block BLOB);

-- table tags_fts_docsize on tags_fts_docsize
CREATE TABLE 'tags_fts_docsize'(id INTEGER PRIMARY KEY, sz BLOB);

-- table tags_fts_idx on tags_fts_idx
CREATE TABLE 'tags_fts_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;

-- table usages on usages
CREATE TABLE usages (id INTEGER PRIMARY KEY, asset_id INTEGER NOT NULL, version_hash TEXT NOT NULL, channel TEXT NOT NULL, preset_id TEXT NOT NULL, product_id INTEGER NOT NULL, sku TEXT NOT NULL, pack TEXT NOT NULL, file TEXT NOT NULL, exported_at TEXT NOT NULL, last_seen_at TEXT NOT NULL, removed_at TEXT);

-- table webhook_deliveries on webhook_deliveries
CREATE TABLE webhook_deliveries (id TEXT PRIMARY KEY, subscription_id INTEGER NOT NULL REFERENCES webhook_subscriptions(id) ON DELETE CASCADE, event TEXT NOT NULL, body TEXT NOT NULL, state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered', 'failed')), max_attempts INTEGER NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, last_status INTEGER, last_error TEXT, created_at INTEGER NOT NULL, last_attempt_at INTEGER, next_attempt_at INTEGER, delivered_at INTEGER) WITHOUT ROWID;

-- table webhook_product_media on webhook_product_media
CREATE TABLE webhook_product_media (product_id INTEGER PRIMARY KEY, sku TEXT NOT NULL, fingerprint TEXT NOT NULL);

-- table webhook_subscriptions on webhook_subscriptions
CREATE TABLE webhook_subscriptions (id INTEGER PRIMARY KEY AUTOINCREMENT, url TEXT NOT NULL, events TEXT NOT NULL, secret TEXT NOT NULL, active INTEGER NOT NULL DEFAULT 1, created_at INTEGER NOT NULL);

-- trigger ai_embeddings_added on ai_embeddings
CREATE TRIGGER ai_embeddings_added AFTER INSERT ON ai_embeddings BEGIN INSERT INTO ai_embedding_changes (asset_id) VALUES (new.asset_id); DELETE FROM ai_embedding_changes WHERE version <= last_insert_rowid() - 10000; END;

-- trigger ai_embeddings_changed on ai_embeddings
CREATE TRIGGER ai_embeddings_changed AFTER UPDATE ON ai_embeddings BEGIN INSERT INTO ai_embedding_changes (asset_id) VALUES (new.asset_id); DELETE FROM ai_embedding_changes WHERE version <= last_insert_rowid() - 10000; END;

-- trigger ai_embeddings_removed on ai_embeddings
CREATE TRIGGER ai_embeddings_removed AFTER DELETE ON ai_embeddings BEGIN INSERT INTO ai_embedding_changes (asset_id) VALUES (old.asset_id); DELETE FROM ai_embedding_changes WHERE version <= last_insert_rowid() - 10000; END;

-- trigger ai_words_gone on assets
CREATE TRIGGER ai_words_gone AFTER DELETE ON assets BEGIN DELETE FROM ai_words WHERE rowid = old.id; END;

-- trigger assets_fts_delete on assets
CREATE TRIGGER assets_fts_delete AFTER DELETE ON assets BEGIN DELETE FROM assets_fts WHERE rowid = old.id; END;

-- trigger assets_fts_insert on assets
CREATE TRIGGER assets_fts_insert AFTER INSERT ON assets BEGIN INSERT INTO assets_fts (rowid, name, folder, title, description) VALUES (new.id, new.name, new.folder, json_extract(new.metadata, '$.title'), json_extract(new.metadata, '$.description')); END;

-- trigger assets_fts_update on assets
CREATE TRIGGER assets_fts_update AFTER UPDATE OF name, folder, metadata ON assets BEGIN DELETE FROM assets_fts WHERE rowid = old.id; INSERT INTO assets_fts (rowid, name, folder, title, description) VALUES (new.id, new.name, new.folder, json_extract(new.metadata, '$.title'), json_extract(new.metadata, '$.description')); END;

-- trigger media_facts_text_gone on assets
CREATE TRIGGER media_facts_text_gone AFTER DELETE ON assets BEGIN DELETE FROM document_text WHERE rowid = old.id; END;

-- trigger spin_frame_asset_gone on assets
CREATE TRIGGER spin_frame_asset_gone BEFORE DELETE ON assets WHEN EXISTS (SELECT 1 FROM spin_frames WHERE asset_id = old.id) BEGIN UPDATE spins SET cover_asset_id = (SELECT f.asset_id FROM spin_frames f WHERE f.spin_id = spins.id AND f.asset_id != old.id ORDER BY f.position LIMIT 1) WHERE cover_asset_id = old.id; DELETE FROM spins WHERE cover_asset_id IS NULL; END;

-- trigger tags_fts_delete on tags
CREATE TRIGGER tags_fts_delete AFTER DELETE ON tags BEGIN DELETE FROM tags_fts WHERE rowid = old.id; END;

-- trigger tags_fts_insert on tags
CREATE TRIGGER tags_fts_insert AFTER INSERT ON tags BEGIN INSERT INTO tags_fts (rowid, path) VALUES (new.id, new.path); END;

-- trigger tags_fts_update on tags
CREATE TRIGGER tags_fts_update AFTER UPDATE OF path ON tags BEGIN DELETE FROM tags_fts WHERE rowid = old.id; INSERT INTO tags_fts (rowid, path) VALUES (new.id, new.path); END;
