// Migration 23 (issue #15): 360° spins. A spin is ordered frames, each an ordinary image
// asset (original untouched, tags kept); each asset is a frame of at most one spin. The grid
// shows a spin as its cover frame: the other frames are left out of lists by one set built
// per query (compile-query's HIDDEN_FRAMES), not probed per row. The cover has no foreign
// key: when its asset row goes, the trigger moves the cover to the next frame, or removes
// the spin that has none left (the frame rows then go by cascade).
export const SPINS_SCHEMA = `
      CREATE TABLE spins (
        id             INTEGER PRIMARY KEY,
        name           TEXT NOT NULL,
        created_at     INTEGER NOT NULL,
        source         TEXT,
        cover_asset_id INTEGER
      );
      CREATE INDEX spins_by_cover ON spins (cover_asset_id);
      CREATE TABLE spin_frames (
        asset_id INTEGER PRIMARY KEY REFERENCES assets(id) ON DELETE CASCADE,
        spin_id  INTEGER NOT NULL REFERENCES spins(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        number   INTEGER
      );
      CREATE INDEX spin_frames_by_spin ON spin_frames (spin_id, position);
      CREATE TRIGGER spin_frame_asset_gone BEFORE DELETE ON assets
      WHEN EXISTS (SELECT 1 FROM spin_frames WHERE asset_id = old.id) BEGIN
        UPDATE spins SET cover_asset_id = (
          SELECT f.asset_id FROM spin_frames f
          WHERE f.spin_id = spins.id AND f.asset_id != old.id ORDER BY f.position LIMIT 1)
        WHERE cover_asset_id = old.id;
        DELETE FROM spins WHERE cover_asset_id IS NULL;
      END;
`;
