import { DEFAULT_INTAKE_RULES, type IntakeRules } from '../../../shared/intake-dto';
import { intakeRulesSchema } from '../../../shared/methods/intake-rules-methods';
import type { Db } from '../db/open-database';
import { statements } from '../db/statement-cache';
import { globProblem, patternProblem } from '../../../shared/methods/pattern-check';
import { writeTransaction } from '../db/write-transaction';

/**
 * Each catalog's intake rules, stored as JSON and compiled once per change; and which tag
 * links the rules made, so applying them again takes back only what they gave.
 */
export class IntakeRepo<Evaluator> {
  /** Compiled rules by catalog, with the stored text they came from. */
  private readonly compiled = new Map<number, Compiled<Evaluator>>();

  /** `compile`: the intake domain's compiler, run once per change of a catalog's rules. */
  constructor(
    private readonly db: Db,
    private readonly compile: (rules: IntakeRules) => Evaluator,
  ) {}

  rules(catalogId: number): IntakeRules {
    return this.entry(catalogId).rules;
  }

  evaluator(catalogId: number): Evaluator {
    return this.entry(catalogId).run;
  }

  set(catalogId: number, rules: IntakeRules): IntakeRules {
    statements(this.db)
      .prepare(
        `INSERT INTO intake_rules (catalog_id, rules, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (catalog_id) DO UPDATE SET rules = excluded.rules, updated_at = excluded.updated_at`,
      )
      .run(catalogId, JSON.stringify(rules), Date.now());
    return this.rules(catalogId);
  }

  /** Tags on this asset that the rules put there. */
  owned(assetId: number): number[] {
    return statements(this.db)
      .prepare<[number], { tag_id: number }>('SELECT tag_id FROM intake_tags WHERE asset_id = ?')
      .all(assetId)
      .map((r) => r.tag_id);
  }

  /** Every tag the asset carries, from whatever source. */
  carried(assetId: number): number[] {
    return statements(this.db)
      .prepare<[number], { tag_id: number }>('SELECT tag_id FROM asset_tags WHERE asset_id = ?')
      .all(assetId)
      .map((r) => r.tag_id);
  }

  setOwned(assetId: number, tagIds: readonly number[]): void {
    writeTransaction(this.db, () => {
      statements(this.db).prepare('DELETE FROM intake_tags WHERE asset_id = ?').run(assetId);
      const insert = statements(this.db).prepare(
        'INSERT OR IGNORE INTO intake_tags (asset_id, tag_id) VALUES (?, ?)',
      );
      for (const tagId of tagIds) insert.run(assetId, tagId);
    });
  }

  setViolation(assetId: number, violation: string | null): void {
    statements(this.db)
      .prepare('UPDATE assets SET violation = ? WHERE id = ? AND violation IS NOT ?')
      .run(violation, assetId, violation);
  }

  /** A name's rating fills an unrated asset; it never overrides the user's. */
  fillRating(assetId: number, rating: number): void {
    statements(this.db)
      .prepare('UPDATE assets SET rating = ? WHERE id = ? AND rating = 0')
      .run(rating, assetId);
  }

  /** A name's colour label fills an unlabelled asset. */
  fillLabel(assetId: number, label: string): void {
    statements(this.db)
      .prepare('UPDATE assets SET label = ? WHERE id = ? AND label IS NULL')
      .run(label, assetId);
  }

  /** What the rules look at (and may fill) on each of a catalog's assets. */
  assetFacts(catalogId: number): IntakeAssetFacts[] {
    return statements(this.db)
      .prepare<[number], IntakeAssetFacts>(
        `SELECT id, rel_path, camera, json_extract(metadata, '$.lens') AS lens, rating, label,
              metadata IS NOT NULL AS has_metadata
       FROM assets WHERE catalog_id = ? ORDER BY id`,
      )
      .all(catalogId);
  }

  /** Sets a rating or label on these assets (the caller records the undo step). */
  setCulling(field: 'rating' | 'label', value: number | string, assetIds: readonly number[]): void {
    const update = statements(this.db).prepare(`UPDATE assets SET ${field} = ? WHERE id = ?`);
    for (const id of assetIds) update.run(value, id);
  }

  /** Title and description from the name, where the file's metadata has none. */
  fillText(assetId: number, title?: string, description?: string): void {
    for (const [key, value] of [
      ['$.title', title],
      ['$.description', description],
    ] as const) {
      if (value === undefined) continue;
      statements(this.db)
        .prepare(
          `UPDATE assets SET metadata = json_set(metadata, '${key}', ?)
       WHERE id = ? AND json_extract(metadata, '${key}') IS NULL`,
        )
        .run(value, assetId);
    }
  }

  /**
   * The stored row is read every time (one primary-key lookup) and compiled only when its
   * text changed, so a removed catalog whose id is reused never inherits its rules.
   */
  private entry(catalogId: number): Compiled<Evaluator> {
    const row = statements(this.db)
      .prepare<[number], { rules: string }>('SELECT rules FROM intake_rules WHERE catalog_id = ?')
      .get(catalogId);
    const text = row?.rules ?? null;
    const cached = this.compiled.get(catalogId);
    if (cached && cached.text === text) return cached;
    const rules = text === null ? DEFAULT_INTAKE_RULES : readRules(text);
    const entry = { text, rules, run: this.compile(rules) };
    this.compiled.set(catalogId, entry);
    return entry;
  }
}

/** An asset as reapplying the rules reads it. */
export interface IntakeAssetFacts {
  id: number;
  rel_path: string;
  camera: string | null;
  lens: string | null;
  rating: number;
  label: string | null;
  has_metadata: number;
}

interface Compiled<Evaluator> {
  text: string | null;
  rules: IntakeRules;
  run: Evaluator;
}

/**
 * Stored rules are checked again on the way out: a bad row means no rules, not a crash. A
 * pattern or glob saved before the linear-time engine that it refuses costs only its own
 * rule, reported by name.
 */
function readRules(json: string): IntakeRules {
  try {
    const parsed = intakeRulesSchema.safeParse(withoutRefusedPatterns(JSON.parse(json)));
    if (parsed.success) return parsed.data;
  } catch {
    // fall through
  }
  console.error('packshot: stored intake rules are unreadable; using none');
  return DEFAULT_INTAKE_RULES;
}

/** The stored rules without the patterns the engine refuses, each one reported. */
function withoutRefusedPatterns(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null) return raw;
  const rules = { ...(raw as Record<string, unknown>) };
  const refused = (what: string, problem: string | null): boolean => {
    if (problem) console.error(`packshot: intake ${what} skipped: ${problem}`);
    return problem !== null;
  };
  const regexProblem = (r: unknown): string | null => {
    const { pattern, ignoreCase } = (r ?? {}) as { pattern?: unknown; ignoreCase?: unknown };
    return typeof pattern === 'string' ? patternProblem(pattern, ignoreCase === true) : null;
  };
  if (Array.isArray(rules.filename))
    rules.filename = rules.filename.filter(
      (r: unknown, i) => !refused(`filename rule ${i + 1}`, regexProblem(r)),
    );
  if (Array.isArray(rules.folderMap))
    rules.folderMap = rules.folderMap.filter((m: unknown, i) => {
      const glob = (m as { glob?: unknown } | null)?.glob;
      return !refused(
        `folder mapping ${i + 1}`,
        typeof glob === 'string' ? globProblem(glob) : null,
      );
    });
  if (rules.naming && refused('naming convention', regexProblem(rules.naming))) rules.naming = null;
  return rules;
}
