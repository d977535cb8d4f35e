import type { LinkRule } from '../../../shared/product-dto';
import type { Db } from '../db/open-database';
import { statements } from '../db/statement-cache';

/** Filename rules that link files to products (link_rules). */
export class LinkRuleRepo {
  constructor(private readonly db: Db) {}

  list(): LinkRule[] {
    return statements(this.db)
      .prepare<[], { id: number; name: string; pattern: string; auto: number }>(
        'SELECT id, name, pattern, auto FROM link_rules ORDER BY id',
      )
      .all()
      .map((r) => ({ id: r.id, name: r.name, pattern: r.pattern, auto: r.auto === 1 }));
  }

  create(rule: Omit<LinkRule, 'id'>): number {
    return Number(
      statements(this.db)
        .prepare('INSERT INTO link_rules (name, pattern, auto, created_at) VALUES (?, ?, ?, ?)')
        .run(rule.name, rule.pattern, rule.auto ? 1 : 0, Date.now()).lastInsertRowid,
    );
  }

  /** False when there is no rule with this id. */
  update(rule: LinkRule): boolean {
    return (
      statements(this.db)
        .prepare('UPDATE link_rules SET name = ?, pattern = ?, auto = ? WHERE id = ?')
        .run(rule.name, rule.pattern, rule.auto ? 1 : 0, rule.id).changes > 0
    );
  }

  delete(id: number): boolean {
    return statements(this.db).prepare('DELETE FROM link_rules WHERE id = ?').run(id).changes > 0;
  }
}
