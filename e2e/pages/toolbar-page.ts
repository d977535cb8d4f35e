import type { Locator, Page } from '@playwright/test';
import type { AssetFilter, AssetSort } from '../../src/shared/dto';

/** Above the grid: sort, thumbnail size, state and format filters. */
export class ToolbarPage {
  readonly sort: Locator;
  readonly thumbSize: Locator;
  readonly formatFilter: Locator;

  constructor(readonly page: Page) {
    this.sort = page.getByTestId('sort-select');
    this.thumbSize = page.getByTestId('thumb-size-slider');
    this.formatFilter = page.getByTestId('format-filter');
  }

  filter(name: AssetFilter): Locator {
    return this.page.getByTestId(`filter-${name}`);
  }

  async sortBy(sort: AssetSort): Promise<void> {
    await this.sort.selectOption(sort);
  }
}
