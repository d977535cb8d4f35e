// Migration 18: whether files of a catalog can be cloned for free (reflinks) into the data
// folder's version store. Probed once per pair of volumes (the catalog's, the data folder's)
// and kept, so indexing never probes; a new volume on either side is probed again. Versions
// by hash: the media protocol serves an old version's thumbnail when some asset had it.
export const VERSION_STORE_SCHEMA = `
      CREATE TABLE clone_support (
        catalog_id  INTEGER PRIMARY KEY REFERENCES catalogs(id) ON DELETE CASCADE,
        catalog_dev INTEGER NOT NULL,
        data_dev    INTEGER NOT NULL,
        clones      INTEGER NOT NULL,
        reason      TEXT,
        probed_at   TEXT NOT NULL
      );
      CREATE INDEX asset_versions_by_hash ON asset_versions (hash);
    `;
