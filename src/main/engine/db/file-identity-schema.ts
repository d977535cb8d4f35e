// Migration 16: the file system's identity of each asset's file (inode and device, as the
// walk or the watcher stat'ed it). When several files share content, a move or rename keeps
// its own inode on the same volume: it tells identical copies apart. The walk's covering
// index carries both, so a restart compares them without reading the table.
export const FILE_IDENTITY_SCHEMA = `
      ALTER TABLE assets ADD COLUMN ino INTEGER;
      ALTER TABLE assets ADD COLUMN dev INTEGER;
      DROP INDEX assets_by_catalog_file;
      CREATE INDEX assets_by_catalog_file
        ON assets (catalog_id, rel_path, bytes, mtime_ms, state, ino, dev);
    `;
