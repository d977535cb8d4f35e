import type { Locator, Page } from '@playwright/test';
import type { MediaRole } from '../../src/shared/product-dto';

/** The Products view: list, product page with its media board, media strip, CSV import. */
export class ProductsPage {
  readonly view: Locator;
  readonly list: Locator;
  readonly search: Locator;
  readonly board: Locator;
  readonly strip: Locator;
  readonly csvDialog: Locator;
  readonly undo: Locator;
  readonly redo: Locator;

  constructor(readonly page: Page) {
    this.view = page.getByTestId('products-view');
    this.list = page.getByTestId('product-list');
    this.search = page.getByTestId('product-search');
    this.board = page.getByTestId('media-board');
    this.strip = page.getByTestId('asset-strip');
    this.csvDialog = page.getByTestId('csv-dialog');
    this.undo = page.getByTestId('board-undo');
    this.redo = page.getByTestId('board-redo');
  }

  async open(): Promise<void> {
    await this.page.getByTestId('section-products').click();
    await this.page.getByTestId('products-page-catalog').click();
  }

  async openLibrary(): Promise<void> {
    await this.page.getByTestId('section-library').click();
  }

  /** A product's row, in whichever list is on screen (Products view or Library panel). */
  row(sku: string): Locator {
    return this.page.locator(`[data-testid="product-row"][data-sku=${JSON.stringify(sku)}]`);
  }

  slot(role: MediaRole): Locator {
    return this.board.locator(`[data-testid="role-slot"][data-role="${role}"]`);
  }

  tiles(role: MediaRole): Locator {
    return this.slot(role).getByTestId('link-tile');
  }

  /** File names on a slot, in board order. */
  async names(role: MediaRole): Promise<string[]> {
    return this.tiles(role).evaluateAll((tiles: unknown[]) =>
      tiles.map((tile) => (tile as { dataset: { name?: string } }).dataset.name ?? ''),
    );
  }

  stripTile(name: string): Locator {
    return this.strip.locator(`[data-testid="strip-tile"][data-name=${JSON.stringify(name)}]`);
  }

  async createProduct(fields: { sku: string; name: string; channels?: string }): Promise<void> {
    await this.page.getByTestId('product-new').click();
    await this.page.getByTestId('product-form-sku').fill(fields.sku);
    await this.page.getByTestId('product-form-name').fill(fields.name);
    if (fields.channels !== undefined)
      await this.page.getByTestId('product-form-channels').fill(fields.channels);
    await this.page.getByTestId('product-form-save').click();
  }

  /** Imports a CSV file through the dialog, accepting the suggested mapping. */
  async importCsv(file: string): Promise<void> {
    await this.page.getByTestId('csv-open').click();
    await this.csvDialog.getByTestId('csv-file').setInputFiles(file);
    await this.csvDialog.getByTestId('csv-import').click();
  }
}
