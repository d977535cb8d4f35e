import type { Locator, Page } from '@playwright/test';

/** The virtualized thumbnail grid. Cells carry data-state (pending|ok|error) and data-thumb. */
export class GridPage {
  readonly root: Locator;
  readonly cells: Locator;
  readonly okCells: Locator;
  readonly errorCells: Locator;
  readonly readyThumbCells: Locator;
  readonly catalogList: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('grid');
    this.cells = this.root.getByTestId('grid-cell');
    this.okCells = this.root.locator('[data-testid="grid-cell"][data-state="ok"]');
    this.errorCells = this.root.locator('[data-testid="grid-cell"][data-state="error"]');
    this.readyThumbCells = this.root.locator('[data-testid="grid-cell"][data-thumb="ready"]');
    this.catalogList = page.getByTestId('catalog-list');
  }

  /** The cell of one file, by its name (in the cell's title or its text). */
  cell(fileName: string): Locator {
    const byTitle = this.root.locator(
      `[data-testid="grid-cell"][title*=${JSON.stringify(fileName)}]`,
    );
    return byTitle.or(this.cells.filter({ hasText: fileName })).first();
  }

  errorText(fileName: string): Locator {
    return this.cell(fileName).getByTestId('cell-error');
  }

  /** The selected cell (aria-selected), whichever it is. */
  get selectedCell(): Locator {
    return this.root.locator('[data-testid="grid-cell"][aria-selected="true"]');
  }

  /** File names of the rendered cells, in grid order. */
  async cellNames(): Promise<string[]> {
    // e2e code has no DOM types: the page-side function says what it reads.
    return this.cells.evaluateAll((cells: unknown[]) =>
      cells.map((cell) => (cell as { dataset: { name?: string } }).dataset.name ?? ''),
    );
  }

  /** How many cells a row holds now (follows the width and the thumbnail size). */
  async columns(): Promise<number> {
    return Number(await this.root.getAttribute('aria-colcount'));
  }
}
