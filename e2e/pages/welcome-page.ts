import type { Locator, Page } from '@playwright/test';

/** The first screen: invites the user to add a catalog folder. */
export class WelcomePage {
  readonly root: Locator;
  readonly pathInput: Locator;
  readonly addButton: Locator;

  constructor(
    readonly page: Page,
    /** Electron has a native dialog instead of a path field: the fixture answers it. */
    private readonly host: { answerFolderDialog(folder: string): Promise<void> },
  ) {
    this.root = page.getByTestId('welcome');
    this.pathInput = page.getByTestId('catalog-path-input');
    this.addButton = page.getByTestId('catalog-add-button');
  }

  /** Adds a catalog folder the way this host offers: the path field, or the native dialog. */
  async addCatalog(folder: string): Promise<void> {
    // isVisible() does not wait: let the form render before asking which kind it is.
    await this.addButton.waitFor();
    if (await this.pathInput.isVisible()) {
      await this.pathInput.fill(folder);
    } else {
      await this.host.answerFolderDialog(folder);
    }
    await this.addButton.click();
  }
}
