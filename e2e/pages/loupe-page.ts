import type { Locator, Page } from '@playwright/test';

/** The full-window loupe: data-zoom is "fit" or "1:1". */
export class LoupePage {
  readonly root: Locator;
  readonly image: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('loupe');
    this.image = page.getByTestId('loupe-image');
  }

  /** The image's natural width (0 until loaded), its width on screen, and the page's DPR. */
  async imageWidths(): Promise<{ natural: number; shown: number; dpr: number }> {
    // e2e code has no DOM types: the page-side functions say what they read.
    const natural = await this.image.evaluate(
      (img: unknown) => (img as { naturalWidth: number }).naturalWidth,
    );
    const dpr = await this.page.evaluate(
      () => (globalThis as unknown as { devicePixelRatio: number }).devicePixelRatio,
    );
    const box = await this.image.boundingBox();
    return { natural, shown: box?.width ?? 0, dpr };
  }
}
