import { expect, type Locator, type Page } from '@playwright/test';

/** The Insight panel (twin runs, sweep, capacity, explain, cost), driven by roles and accessible names. */
export class InsightPage {
  constructor(readonly page: Page) {}

  get button(): Locator {
    return this.page.getByRole('button', { name: /^Insight/ });
  }

  get panel(): Locator {
    return this.page.getByRole('complementary', { name: 'Insight' });
  }

  /** The design's cost per hour on the Insight button, in dollars. */
  async cost(): Promise<number> {
    const text = (await this.page.getByTestId('design-cost').textContent()) ?? '';
    const match = /\$([\d.]+)\/h/.exec(text);
    if (!match) throw new Error(`Unreadable cost: "${text}"`);
    return Number(match[1]);
  }

  async open(
    tab: 'Twin runs' | 'Single points of failure' | 'Seeds' | 'Capacity' | 'Explain why',
  ): Promise<void> {
    if (!(await this.panel.isVisible())) await this.button.click();
    await this.panel.getByRole('tab', { name: tab }).click();
    await expect(this.panel.getByRole('tab', { name: tab })).toHaveAttribute('aria-selected', 'true');
  }

  /** A whole-number figure of a table row ("Failed requests 1,234"), by row and column. */
  async figure(table: Locator, row: string | RegExp, column: number): Promise<number> {
    const text =
      (await table.getByRole('row', { name: row }).getByRole('cell').nth(column).textContent()) ?? '';
    return Number(text.replace(/[^\d.]/g, ''));
  }
}
