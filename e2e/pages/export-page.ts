import type { Locator, Page } from '@playwright/test';

/** The Export view: Presets, Pre-flight and Export tabs. */
export class ExportPage {
  readonly root: Locator;
  readonly presetItems: Locator;
  readonly reportGroups: Locator;
  readonly summary: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('export-view');
    this.presetItems = page.getByTestId('preset-item');
    this.reportGroups = page.getByTestId('preflight-group');
    this.summary = page.getByTestId('export-summary');
  }

  async open(): Promise<void> {
    await this.page.getByTestId('section-export').click();
  }

  async tab(name: 'presets' | 'preflight' | 'export'): Promise<void> {
    await this.page.getByTestId(`export-tab-${name}`).click();
  }

  preset(id: string): Locator {
    return this.page.locator(`[data-testid="preset-item"][data-preset-id="${id}"]`);
  }

  /** The visible tab panel (the others stay mounted, hidden). */
  get panel(): Locator {
    return this.page.locator('[role="tabpanel"]:not([hidden])');
  }

  group(sku: string, channel: string): Locator {
    return this.page.locator(
      `[data-testid="preflight-group"][data-sku="${sku}"][data-channel="${channel}"]`,
    );
  }

  count(key: 'rendered' | 'unchanged' | 'removed' | 'skipped' | 'warned' | 'failed'): Locator {
    return this.summary.getByTestId(`summary-${key}`);
  }
}
