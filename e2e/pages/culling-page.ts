import type { Locator, Page } from '@playwright/test';

/** The culling bar, the keyword panel and the undo toast. */
export class CullingPage {
  readonly tagInput: Locator;
  readonly suggestions: Locator;
  readonly hideRejects: Locator;
  readonly undoButton: Locator;
  readonly toast: Locator;
  readonly keywordPanel: Locator;

  constructor(readonly page: Page) {
    this.tagInput = page.getByTestId('tag-input');
    this.suggestions = page.getByTestId('tag-suggestion');
    this.hideRejects = page.getByTestId('hide-rejects');
    this.undoButton = page.getByTestId('undo-button');
    this.toast = page.getByTestId('edit-toast');
    this.keywordPanel = page.getByTestId('keyword-panel');
  }

  /** A keyword's row in the panel, by its full path ('Product|Shoes'). */
  keyword(path: string): Locator {
    return this.keywordPanel.locator(
      `[data-testid="keyword-row"][data-path=${JSON.stringify(path)}]`,
    );
  }

  keywordCount(path: string): Locator {
    return this.keyword(path).getByTestId('keyword-count');
  }

  /** Opens a keyword's children. */
  async expand(name: string): Promise<void> {
    await this.keywordPanel.getByRole('button', { name: `Show keywords in ${name}` }).click();
  }
}
