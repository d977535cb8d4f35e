import type { Locator, Page } from '@playwright/test';

/** The selected asset's details. */
export class PreviewPanel {
  readonly root: Locator;
  readonly name: Locator;
  readonly dimensions: Locator;
  readonly format: Locator;
  readonly bytes: Locator;
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('preview-panel');
    this.name = this.root.getByTestId('preview-name');
    this.dimensions = this.root.getByTestId('preview-dimensions');
    this.format = this.root.getByTestId('preview-format');
    this.bytes = this.root.getByTestId('preview-bytes');
    this.error = this.root.getByTestId('preview-error');
  }
}

/** "800 × 600 px", tolerant of the separator and spacing. */
export function dimensionsPattern(width: number, height: number): RegExp {
  return new RegExp(`\\b${width}\\s*[×x]\\s*${height}\\b`);
}
