import { expect, type Locator, type Page } from '@playwright/test';

/** The Mermaid source panel (DESIGN §8: a text box named "Mermaid source"), driven by role and name. */
export class SourcePanelPage {
  constructor(readonly page: Page) {}

  get text(): Locator {
    return this.page.getByRole('textbox', { name: 'Mermaid source', exact: true });
  }

  get error(): Locator {
    return this.page.getByRole('alert').filter({ hasText: /^Line \d+, column \d+:/ });
  }

  get errorLine(): Locator {
    return this.page.getByTestId('source-error-line');
  }

  get notices(): Locator {
    return this.page.getByRole('list', { name: 'Import notices' }).getByRole('listitem');
  }

  get preview(): Locator {
    return this.page.getByRole('region', { name: 'Preview', exact: true });
  }

  tab(name: 'Mermaid' | 'Preview'): Locator {
    return this.page.getByRole('tab', { name, exact: true });
  }

  button(name: string): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }

  async open(): Promise<void> {
    if (!(await this.text.isVisible())) await this.page.getByRole('button', { name: 'Source ›' }).click();
    await expect(this.text).toBeVisible();
  }

  /** Replaces the whole text, as a paste over a selection of everything would. */
  async paste(text: string): Promise<void> {
    await this.text.fill(text);
  }

  /** Leaves the text box (valid text then shows as the document's own export). */
  async leave(): Promise<void> {
    await this.text.blur();
  }

  async value(): Promise<string> {
    return this.text.inputValue();
  }
}
