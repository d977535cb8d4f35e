import { PackshotError } from '../../../shared/errors';
import type { LinkRule, RulePlan } from '../../../shared/product-dto';
import type { Db } from '../db/open-database';
import type { AuditLog } from '../repositories/audit-log-repo';
import type { EditLog, StepResult } from '../edit/edit-log';
import { part } from '../edit/undo-kind';
import { LinkRuleRepo } from '../repositories/link-rule-repo';
import { insertAt, LinkEdits } from './link-edits';
import { ProductRepo } from '../repositories/product-repo';
import { linkSlot, PRODUCT_DELETE, registerProductUndo } from './product-undo-kinds';
import { BUILT_IN_RULE, compileRule, type CompiledRule } from './rules/link-rule';
import { planRules } from './rules/plan-rules';
import { writeTransaction } from '../db/write-transaction';
import { UploadStore } from './csv/csv-uploads';

/** The products domain's parts over one database. */
export class ProductParts {
  readonly products: ProductRepo;
  /** CSVs sent from the page in chunks, for preview and import. */
  readonly uploads = new UploadStore();
  readonly linkEdits: LinkEdits;
  private readonly linkRules: LinkRuleRepo;

  constructor(
    readonly db: Db,
    private readonly edits: EditLog,
    private readonly audit?: AuditLog,
  ) {
    this.products = new ProductRepo(db);
    this.linkEdits = new LinkEdits(db, edits, audit);
    this.linkRules = new LinkRuleRepo(db);
    registerProductUndo(edits, db, this.products, audit);
  }

  /** The auto rules, compiled once: they run on every file that arrives. */
  private autoRules: CompiledRule[] | null = null;

  /**
   * Deletes a product as one undoable step: its links go (CASCADE) and its variants lose
   * their parent (SET NULL); undo puts all three back, the product with its own id.
   */
  delete(id: number): StepResult & { removed: boolean } {
    const named = this.products.record(id);
    let removed = false;
    const result = this.edits.step(`Delete product ${named?.sku ?? id}`, () => {
      removed = false;
      // Read again inside: undo must put back the product as it was when it was deleted.
      const product = this.products.record(id);
      if (!product) return { parts: [], changed: 0 };
      const links = this.linkEdits.links.rows(id);
      const variants = this.products.variantIds(id);
      removed = this.products.delete(id);
      this.audit?.record({
        action: 'product.delete',
        subject: { kind: 'product', id },
        before: { sku: product.sku, links: links.map(linkSlot) },
      });
      return { parts: [part(PRODUCT_DELETE, { product, links, variants })], changed: 1 };
    });
    return { ...result, removed };
  }

  /** The stored rules; one the engine cannot run says why in `problem`. */
  rules(): LinkRule[] {
    return this.linkRules.list().map((r) => {
      const problem = ruleProblem(r);
      return problem === null ? r : { ...r, problem };
    });
  }

  /** `pattern`, else the configured rules, else the built-in {sku}_{position} rule. */
  compiled(pattern?: string, onlyAuto = false): CompiledRule[] {
    if (pattern !== undefined) return [compileRule('--rule', pattern)];
    const rules = this.linkRules.list().filter((r) => !onlyAuto || r.auto);
    if (rules.length === 0)
      return onlyAuto ? [] : [compileRule(BUILT_IN_RULE.name, BUILT_IN_RULE.pattern)];
    // A stored rule the engine refuses is skipped (and reported), not fatal to the others.
    return rules.flatMap((r) => {
      try {
        return [compileRule(r.name, r.pattern)];
      } catch (error) {
        console.error(`packshot: link rule skipped: ${(error as Error).message}`);
        return [];
      }
    });
  }

  /** Creates (no id) or replaces a rule; a bad expression is refused before it is stored. */
  saveRule(rule: Omit<LinkRule, 'id'> & { id?: number }): LinkRule {
    compileRule(rule.name, rule.pattern);
    const fields = { name: rule.name, pattern: rule.pattern, auto: rule.auto };
    const id = rule.id ?? this.linkRules.create(fields);
    if (rule.id !== undefined && !this.linkRules.update({ id, ...fields }))
      throw new PackshotError('not_found', `No rule with id ${id}`);
    this.autoRules = null;
    return { id, ...fields };
  }

  deleteRule(id: number): boolean {
    const removed = this.linkRules.delete(id);
    this.autoRules = null;
    return removed;
  }

  plan(pattern?: string): RulePlan {
    return planRules(this.db, this.compiled(pattern));
  }

  /** Links a plan's links: one undoable step, or (auto rules on arrival) unrecorded. */
  applyPlan(plan: RulePlan, label: string): StepResult {
    return this.linkEdits.step(
      label,
      plan.links.map((l) => [
        l.productId,
        (board) => insertAt(board, l.role, [l.assetId], l.position),
      ]),
    );
  }

  /**
   * Auto rules on one asset that just arrived and is linked to nothing yet (a file placed by
   * hand, or unlinked on purpose, is left alone). Not an undo step: arrivals happen in the
   * background and would otherwise drop the user's redo history. True when it linked.
   */
  autoLink(assetId: number): boolean {
    try {
      this.autoRules ??= this.compiled(undefined, true);
      const rules = this.autoRules;
      if (rules.length === 0) return false;
      // Its own savepoint (a rule that fails half-way leaves no link behind), and read and
      // linked in one write: the positions must still be free when written.
      return writeTransaction(this.db, () => {
        if (this.linkEdits.links.isLinked(assetId)) return false;
        const plan = planRules(this.db, rules, [assetId]);
        if (plan.links.length === 0) return false;
        // The plan's positions follow what each slot holds now: the new file goes at the end.
        this.linkEdits.links.addIfAbsent(plan.links);
        return true;
      });
    } catch (error) {
      // A rule that fails must not fail indexing: the file is catalogued, just not linked.
      console.error(`packshot: auto rules on asset ${assetId} failed:`, error);
      return false;
    }
  }
}

function ruleProblem(rule: LinkRule): string | null {
  try {
    compileRule(rule.name, rule.pattern);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
