// Applies pending migrations, all in one IMMEDIATE transaction that reads the schema version
// inside it: processes opening a new data folder at once wait for the write lock, and the
// later ones find the schema done, never half done (nor apply a step twice).
import type { Migration } from './migrations';
import type { Db } from './open-database';

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function latestVersion(steps: readonly Migration[]): number {
  return steps.reduce((max, step) => Math.max(max, step.version), 0);
}

export function migrate(db: Db, steps: readonly Migration[]): void {
  const latest = latestVersion(steps);
  refuseNewer(schemaVersion(db), latest);
  if (schemaVersion(db) >= latest) return; // the common open: no write lock taken
  db.transaction(() => {
    const current = schemaVersion(db);
    refuseNewer(current, latest);
    for (const step of [...steps].sort((a, b) => a.version - b.version)) {
      if (step.version <= current) continue;
      db.exec(step.sql);
      db.pragma(`user_version = ${step.version}`);
    }
  }).immediate();
}

function refuseNewer(current: number, latest: number): void {
  if (current > latest) {
    throw new Error(
      `This data folder was written by a newer Packshot (schema ${current}, this build knows ${latest}).`,
    );
  }
}
