import { expect, type Locator } from '@playwright/test';
import { AppPage } from './app-page';

/** The screen with issue 4's controls: grouped parameters, faults, edges, the scenario and the timeline. */
export class TrafficPage extends AppPage {
  /** An edge's label on the canvas: a button named "Edge Load Balancer → Server 1". */
  edge(from: string, to: string): Locator {
    return this.page.getByRole('button', { name: `Edge ${from} → ${to}`, exact: true });
  }

  async selectEdge(from: string, to: string): Promise<void> {
    await this.edge(from, to).click();
    await expect(this.inspector.getByRole('heading', { name: `Edge ${from} → ${to}` })).toBeVisible();
  }

  /** A parameter field of the Inspector, by its label; its group is opened first when collapsed. */
  async param(label: string, group?: string): Promise<Locator> {
    if (group) {
      const details = this.inspector
        .locator('details')
        .filter({ has: this.page.getByText(group, { exact: true }) });
      if ((await details.getAttribute('open')) === null)
        await details.getByText(group, { exact: true }).click();
    }
    return this.inspector.getByLabel(label, { exact: true });
  }

  /**
   * Sets a parameter as a person does (a select's option, or text and Enter) and waits for the run to
   * restart from t = 0 with it.
   */
  async setParam(label: string, value: string, group?: string): Promise<void> {
    const field = await this.param(label, group);
    if ((await field.evaluate((el) => el.tagName)) === 'SELECT') await field.selectOption(value);
    else {
      await field.fill(value);
      await field.press('Enter');
    }
    await expect(this.inspector.getByRole('alert')).toHaveCount(0);
    await expect(this.clock).toHaveText('t = 0.0 s');
  }

  /** A fault button of the Inspector ("Hang", "Slow", "Partition"...). */
  fault(name: string): Locator {
    return this.inspector.getByRole('button', { name, exact: true });
  }

  /** The retry amplification readout ("Offered load ×2.70"), as a number. */
  async amplification(): Promise<number> {
    const text = (await this.page.getByTestId('amplification').textContent()) ?? '';
    const match = /Offered load\s*×([\d.]+)/.exec(text);
    if (!match) throw new Error(`Unreadable amplification: "${text}"`);
    return Number(match[1]);
  }

  /** The Throughput chart's latest figures ("now 370 ok · 400 attempts /s", "… · 12 wasted /s"): successes and attempts per second. */
  async throughputNow(): Promise<{ ok: number; attempts: number }> {
    const text = (await this.chart('Throughput').getByTestId('chart-latest').textContent()) ?? '';
    const match = /now (\d+) ok · (\d+) attempts(?: · \d+ wasted)? \/s/.exec(text);
    if (!match) throw new Error(`Unreadable throughput: "${text}"`);
    return { ok: Number(match[1]), attempts: Number(match[2]) };
  }

  /** A failed-request count by cause from the edge Inspector ("dropped 1,204"). */
  async errorsByCause(cause: 'refused' | 'timeout' | 'rejected' | 'dropped' | 'error'): Promise<number> {
    const item = this.inspector
      .getByTestId('errors-by-cause')
      .getByText(cause, { exact: true })
      .locator('..');
    const text = (await item.textContent()) ?? '';
    const match = /([\d,]+)\s*$/.exec(text.trim());
    if (!match) throw new Error(`Unreadable count: "${text}"`);
    return Number((match[1] ?? '').replaceAll(',', ''));
  }

  /** The simulated time (s) of the first event-log line matching `text`, once it is there. */
  async waitForEvent(text: string | RegExp): Promise<number> {
    const line = this.eventLog.getByRole('listitem').filter({ hasText: text }).first();
    await expect(line).toBeVisible({ timeout: 60_000 });
    const content = (await line.textContent()) ?? '';
    const match = /([\d.]+) s/.exec(content);
    if (!match) throw new Error(`Unreadable event line: "${content}"`);
    return Number(match[1]);
  }

  get timeline(): Locator {
    return this.page.getByRole('region', { name: 'Timeline', exact: true });
  }

  /** Adds a scenario step with the "Add step" dialog. */
  async addStep(atSec: number, target: string, action: string, value?: string): Promise<void> {
    await this.scenario.getByRole('button', { name: '+ Add step' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Add a scenario step' });
    await dialog.getByLabel('At (s)').fill(String(atSec));
    await dialog.getByLabel('Target').selectOption({ label: target });
    await dialog.getByLabel('Action').selectOption({ label: action });
    if (value !== undefined) await dialog.getByLabel(/^Value/).fill(value);
    await dialog.getByRole('button', { name: 'Add step' }).click();
    await expect(dialog).toHaveCount(0);
  }
}
