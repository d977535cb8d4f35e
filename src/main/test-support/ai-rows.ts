// Writes what analyseImage found for one asset into the AI tables, as the AI job's result
// writer does (ai/write-results.ts, built apart): a test stand-in, so face and people tests
// run the real models on real photos without the job.
import type { Db } from '../engine/db/open-database';
import { writeTransaction } from '../engine/db/write-transaction';
import { descriptorBytes } from '../engine/analysis/face-clusters';
import type { ImageAnalysis } from '../engine/tools/ai/analyse-image';
import { FACES_MODEL, OBJECTS_MODEL } from '../engine/tools/ai/vision';

export function writeAnalysis(db: Db, assetId: number, found: ImageAnalysis): void {
  writeTransaction(db, () => {
    const hash =
      (db.prepare('SELECT hash FROM assets WHERE id = ?').get(assetId) as { hash: string | null })
        .hash ?? '';
    const run = db.prepare(
      'INSERT OR REPLACE INTO ai_runs (asset_id, task, content_hash, model, ran_at) VALUES (?, ?, ?, ?, ?)',
    );
    if (found.objects) {
      db.prepare('DELETE FROM ai_objects WHERE asset_id = ?').run(assetId);
      const insert = db.prepare(
        'INSERT INTO ai_objects (asset_id, label, confidence, x, y, w, h) VALUES (?, ?, ?, ?, ?, ?, ?)',
      );
      for (const o of found.objects) insert.run(assetId, o.label, o.confidence, o.x, o.y, o.w, o.h);
      run.run(assetId, 'objects', hash, OBJECTS_MODEL, Date.now());
    }
    if (found.faces) {
      db.prepare('DELETE FROM ai_faces WHERE asset_id = ?').run(assetId);
      const insert = db.prepare(
        'INSERT INTO ai_faces (asset_id, confidence, x, y, w, h, descriptor) VALUES (?, ?, ?, ?, ?, ?, ?)',
      );
      for (const f of found.faces)
        insert.run(assetId, f.confidence, f.x, f.y, f.w, f.h, descriptorBytes(f.descriptor));
      run.run(assetId, 'faces', hash, FACES_MODEL, Date.now());
    }
  });
}
