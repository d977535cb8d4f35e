import type { Locator, Page } from '@playwright/test';

/** The preview panel's Rights section (licences, approval, audit) of the selected asset. */
export class RightsSection {
  readonly root: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('preview-panel').getByTestId('preview-rights');
  }

  /** "Attach licence…" → "New licence…", filled and submitted. */
  async newLicence(l: { name: string; licensor: string; type: string; endsOn: string }) {
    await this.root.getByTestId('rights-attach-open').click();
    await this.root.getByTestId('rights-new-licence').click();
    const form = this.root.getByTestId('rights-licence-form');
    await form.getByLabel('Name').fill(l.name);
    await form.getByLabel('Licensor').fill(l.licensor);
    await form.getByLabel('Type').selectOption(l.type);
    await form.getByLabel('Ends on').fill(l.endsOn);
    await form.getByRole('button', { name: 'Create and attach' }).click();
  }

  async decide(state: 'approved' | 'rejected' | 'in-review', comment = ''): Promise<void> {
    if (comment !== '') await this.root.getByLabel('Comment (optional)').fill(comment);
    await this.root.getByTestId(`rights-decide-${state}`).click();
  }

  get approvalState(): Locator {
    return this.root.getByTestId('rights-approval-state');
  }
}
