// The FTS5 tables a search reads take no trigger, so their writers count their writes
// (bookkeeping-writes' countedApart) and the list index keeps a free word's sets by that
// count alone: a write to them anywhere else would leave a stale set. This lists every
// statement in the engine that writes them and checks each runs inside countedApart, or
// is the schema's trigger for a deleted asset (which moves `assets`, read by every term).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COUNTED_APART } from './bookkeeping-writes';

const ENGINE = join(__dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('writes to the FTS5 tables', () => {
  it('run inside countedApart, or are a deleted asset’s trigger', () => {
    const found: string[] = [];
    for (const file of sources(ENGINE)) {
      const lines = readFileSync(file, 'utf8').split('\n');
      lines.forEach((line, i) => {
        for (const table of COUNTED_APART) {
          const write = new RegExp(
            `\\b(INSERT\\s+(OR\\s+\\w+\\s+)?INTO|DELETE\\s+FROM|UPDATE|REPLACE\\s+INTO)\\s+${table}\\b`,
            'i',
          );
          if (!write.test(line)) continue;
          const where = `${file.slice(ENGINE.length + 1)}:${i + 1}`;
          found.push(where);
          if (line.includes('old.id')) continue; // AFTER DELETE ON assets
          const above = lines.slice(Math.max(0, i - 3), i + 1).join('\n');
          expect(above, `${where} writes ${table} outside countedApart`).toContain(
            `countedApart(this.db, '${table}'`,
          );
        }
      });
    }
    expect(found.length).toBeGreaterThanOrEqual(5); // the scan finds the known writers
  });
});
