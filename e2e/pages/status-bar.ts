import type { Locator, Page } from '@playwright/test';

/** Indexing progress: done/total, rate, ETA. */
export class StatusBar {
  readonly root: Locator;
  readonly progress: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('status-bar');
    this.progress = page.getByTestId('status-progress');
  }
}
