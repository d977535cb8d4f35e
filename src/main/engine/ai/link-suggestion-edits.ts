// Accepting a link suggestion is the products domain's link edit (one undo step, audited)
// with the suggestion marked accepted in the same step: undo unlinks the file and makes
// the suggestion pending again. Rejecting is a decision, not an edit: it is not undone, and
// the product is never suggested for that asset again.
import type { SuggestionState } from '../../../shared/ai-dto';
import { PackshotError } from '../../../shared/errors';
import { MEDIA_ROLES, ROLE_KINDS, type MediaRole } from '../../../shared/product-dto';
import type { Db } from '../db/open-database';
import type { EditLog, StepResult } from '../edit/edit-log';
import { kindName, part } from '../edit/undo-kind';
import { insertAt, type LinkEdits } from '../products/link-edits';
import { LinkSuggestionRepo } from '../repositories/link-suggestion-repo';
import { ProductRepo } from '../repositories/product-repo';

interface SuggestionChange {
  assetId: number;
  productId: number;
  before: SuggestionState;
  after: SuggestionState;
}

export const LINK_SUGGESTION = kindName<SuggestionChange>('ai.linkSuggestion');

export class LinkSuggestionEdits {
  private readonly repo: LinkSuggestionRepo;
  private readonly products: ProductRepo;

  constructor(
    db: Db,
    edits: EditLog,
    private readonly links: LinkEdits,
  ) {
    this.repo = new LinkSuggestionRepo(db);
    this.products = new ProductRepo(db);
    const put = (assetId: number, productId: number, state: SuggestionState) => {
      this.repo.setState(assetId, productId, state);
      return { changed: 1, signals: ['products.changed'] as const };
    };
    edits.register({
      name: LINK_SUGGESTION,
      undo: (c) => put(c.assetId, c.productId, c.before),
      redo: (c) => put(c.assetId, c.productId, c.after),
    });
  }

  /**
   * Links the asset to the product at the end of its gallery (a video, manual or model in
   * its own role; a file already linked stays where it is) and marks the suggestion
   * accepted, as one undoable step.
   */
  accept(assetId: number, productId: number): StepResult & { linked: boolean } {
    const sku = this.requireSuggestion(assetId, productId);
    const role = roleFor(this.repo.assetKind(assetId));
    let linked = false;
    const result = this.links.step(
      `Link file to ${sku}`,
      [
        [
          productId,
          (board) => {
            linked = ![...board.values()].some((ids) => ids.includes(assetId));
            if (linked) insertAt(board, role, [assetId]);
          },
        ],
      ],
      () => {
        // Read inside the step: undo puts back what was there when it ran.
        const before = this.repo.state(assetId, productId) ?? 'pending';
        if (before === 'accepted') return [];
        this.repo.setState(assetId, productId, 'accepted');
        return [part(LINK_SUGGESTION, { assetId, productId, before, after: 'accepted' })];
      },
    );
    return { ...result, linked };
  }

  /** Marks it rejected (kept, so the product is not suggested for this asset again). */
  reject(assetId: number, productId: number): boolean {
    this.requireSuggestion(assetId, productId);
    this.repo.setState(assetId, productId, 'rejected');
    return true;
  }

  private requireSuggestion(assetId: number, productId: number): string {
    const product = this.products.record(productId);
    if (!product) throw new PackshotError('not_found', `No product with id ${productId}`);
    if (this.repo.state(assetId, productId) === undefined)
      throw new PackshotError(
        'not_found',
        `No link suggestion of ${product.sku} for asset ${assetId}`,
      );
    return product.sku;
  }
}

/** The gallery for stills; a video poster's or a PDF's text links the video or manual. */
function roleFor(kind: string | undefined): MediaRole {
  const takes = (role: MediaRole) => (ROLE_KINDS[role] as readonly string[]).includes(kind ?? '');
  return takes('gallery') ? 'gallery' : (MEDIA_ROLES.find(takes) ?? 'gallery');
}
