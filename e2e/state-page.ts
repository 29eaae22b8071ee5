import { expect, type Locator, type Page } from '@playwright/test';
import { AppPage } from './app-page';
import { NAMES } from './selectors';

/** The state counts of the run totals, by their labels on the page. */
export type StateLabel =
  | 'Sessions lost'
  | 'Writes lost'
  | 'Stale reads'
  | 'Duplicates'
  | 'Redeliveries'
  | 'Dead-lettered'
  | 'Conflicts'
  | 'Lost updates'
  | 'Failed'
  | 'Wasted';

/** The app page with the preset gallery, state counts and alert rules of the "data, sessions and queues" issue. */
export class StatePage extends AppPage {
  constructor(page: Page) {
    super(page);
  }

  get galleryDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Presets' });
  }

  get alertsDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Alerts' });
  }

  get lesson(): Locator {
    return this.page.getByRole('complementary', { name: 'Lesson' });
  }

  get detection(): Locator {
    return this.page.getByRole('region', { name: 'Detection' });
  }

  /** Opens the gallery and loads a preset by its title, then waits for its document to be the open one. */
  async openPreset(title: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Presets', exact: true }).click();
    await expect(this.galleryDialog).toBeVisible();
    await this.galleryDialog.getByRole('button', { name: title, exact: true }).click();
    await expect(this.galleryDialog).toBeHidden();
    await expect(this.page.getByRole('heading', { level: 1 })).toHaveText(title);
    await expect(this.clock).toHaveText('t = 0.0 s');
  }

  /**
   * Plays at Max speed until the clock passes `sec`, then pauses (unless the run has already reached its
   * end, which at Max speed may come first).
   */
  async runPast(sec: number): Promise<void> {
    await this.setSpeed('max');
    await this.button(NAMES.play).click();
    await expect.poll(() => this.clockSec(), { timeout: 30_000, intervals: [100] }).toBeGreaterThan(sec);
    await this.pauseIfRunning();
  }

  async pauseIfRunning(): Promise<void> {
    const pause = this.button(NAMES.pause);
    // The run may reach its end (and the button turn back into a disabled Play) just before the click.
    if (await pause.isVisible())
      await pause.click({ timeout: 15_000 }).catch(async (error: unknown) => {
        if (await pause.isVisible()) throw error;
      });
    await expect(this.button(NAMES.play)).toBeVisible();
  }

  /** A figure of the run totals by label ("Sessions lost 212"), as a number. */
  async count(label: StateLabel): Promise<number> {
    const item = this.page
      .getByRole('region', { name: NAMES.runTotals })
      .getByRole('term')
      .filter({ hasText: new RegExp(`^${label}$`) });
    const text = (await item.locator('..').textContent()) ?? '';
    const match = new RegExp(`^${label}\\s+([\\d,]+)$`).exec(text.trim());
    if (!match) throw new Error(`Unreadable count: "${text}"`);
    return Number((match[1] ?? '').replaceAll(',', ''));
  }

  /** A share of the run totals ("Availability 28.01 %"), in percent. */
  async totalShare(label: 'Availability'): Promise<number> {
    const item = this.page
      .getByRole('region', { name: NAMES.runTotals })
      .getByRole('term')
      .filter({ hasText: new RegExp(`^${label}$`) });
    const text = (await item.locator('..').textContent()) ?? '';
    const match = new RegExp(`^${label}\\s+([\\d.]+)\\s*%$`).exec(text.trim());
    if (!match) throw new Error(`Unreadable share: "${text}"`);
    return Number(match[1]);
  }

  /** An Inspector readout that is not a plain number ("Backlog 1,204 msg"), as its leading number. */
  async readoutNumber(label: string): Promise<number> {
    const text = (await this.inspector.getByTestId(`readout-${label}`).textContent()) ?? '';
    const match = new RegExp(`^${label}\\s+([\\d,.]+)`).exec(text.trim());
    if (!match) throw new Error(`Unreadable readout: "${text}"`);
    return Number((match[1] ?? '').replaceAll(',', ''));
  }
}
