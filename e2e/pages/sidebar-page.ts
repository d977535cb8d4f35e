import type { Locator, Page } from '@playwright/test';

/** The sidebar: catalogs, their folder trees and state badges. */
export class SidebarPage {
  readonly catalogList: Locator;
  readonly folderTree: Locator;

  constructor(readonly page: Page) {
    this.catalogList = page.getByTestId('catalog-list');
    this.folderTree = page.getByTestId('folder-tree');
  }

  /** A folder in the tree, by its path relative to the catalog ('a/b'). */
  folder(relPath: string): Locator {
    return this.page.locator(`[data-testid="folder-node"][data-path=${JSON.stringify(relPath)}]`);
  }

  /** The ▸ button that opens a folder (or catalog) named `name`. */
  expander(name: string): Locator {
    return this.catalogList.getByRole('button', { name: `Show folders in ${name}` });
  }

  catalog(id: number | string): Locator {
    return this.catalogList.locator(`.catalog-item[data-catalog-id="${id}"]`);
  }
}
