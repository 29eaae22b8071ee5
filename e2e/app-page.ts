import { expect, type Locator, type Page } from '@playwright/test';
import { NAMES, SCREENSHOTS, TEST_IDS } from './selectors';
import { SourcePanelPage } from './source-panel';

/** The archplay screen, driven as a person drives it: by roles, accessible names and visible text. */
export class AppPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('/');
    await expect(this.node('Server 1')).toBeVisible();
    await expect(this.clock).toHaveText('t = 0.0 s');
  }

  /** The Mermaid source panel. */
  get source(): SourcePanelPage {
    return new SourcePanelPage(this.page);
  }

  /** A canvas node, found by its accessible name (which contains its label). */
  node(label: string): Locator {
    // The label is literal text: "Server 1 (Active)" has no regular-expression meaning.
    const literal = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return this.page.getByRole('group', { name: new RegExp(`^${literal},`) });
  }

  get clock(): Locator {
    return this.page.getByTestId(TEST_IDS.clock);
  }

  get inspector(): Locator {
    return this.page.getByRole('region', { name: NAMES.inspector });
  }

  chart(name: 'Throughput' | 'Latency' | 'Error rate'): Locator {
    return this.page.getByRole('region', { name, exact: true });
  }

  get eventLog(): Locator {
    return this.page.getByRole('region', { name: NAMES.eventLog });
  }

  get scenario(): Locator {
    return this.page.getByRole('region', { name: NAMES.scenario });
  }

  get runTotals(): Locator {
    return this.page.getByTestId(TEST_IDS.runTotals);
  }

  button(name: string): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }

  async setSpeed(speed: '1' | '10' | '100' | 'max'): Promise<void> {
    await this.page.getByRole('combobox', { name: NAMES.speed }).selectOption(speed);
  }

  async play(): Promise<void> {
    await this.button(NAMES.play).click();
    await expect(this.button(NAMES.pause)).toBeVisible();
  }

  async pause(): Promise<void> {
    await this.button(NAMES.pause).click();
    await expect(this.button(NAMES.play)).toBeVisible();
    // Batches already on their way still move the clock; it is settled once the worker reports the pause.
    await expect(this.clock).toHaveAttribute('aria-busy', 'false');
  }

  /**
   * The seed scenario's story up to detection: runs at 10× past 15 s, fails Server 1, and plays until the
   * load balancer has marked it down. The run is left playing.
   */
  async failServer1UntilMarkedDown(): Promise<void> {
    await this.setSpeed('10');
    await this.play();
    await expect.poll(() => this.clockSec()).toBeGreaterThan(15);
    await this.pause();
    await this.select('Server 1');
    await this.button(NAMES.fail).click();
    await this.play();
    await expect(this.eventLog).toContainText('Load Balancer marked Server 1 down');
  }

  /**
   * Runs the document to its end at Max and returns the run totals' text. Play is clicked without
   * waiting for Pause: a short run at Max can end before Pause could be seen. The end is the Play button
   * disabled, and with `durationSec` the clock at the duration.
   */
  async runToEnd(durationSec?: number): Promise<string> {
    await this.setSpeed('max');
    await this.button(NAMES.play).click();
    await expect(this.button(NAMES.play)).toBeDisabled({ timeout: 60_000 });
    if (durationSec !== undefined)
      await expect(this.clock).toHaveText(`t = ${durationSec.toFixed(1)} s`, { timeout: 60_000 });
    return (await this.runTotals.textContent()) ?? '';
  }

  async select(label: string): Promise<void> {
    await this.node(label).click();
    await expect(this.inspector.getByRole('heading', { name: label })).toBeVisible();
  }

  /** Simulated seconds shown by the clock. */
  async clockSec(): Promise<number> {
    const text = (await this.clock.textContent()) ?? '';
    const match = /t = ([\d.]+) s/.exec(text);
    if (!match) throw new Error(`Unreadable clock: "${text}"`);
    return Number(match[1]);
  }

  /** A live readout of the Inspector ("Requests/s 201.0"), as a number. */
  async readout(label: 'Requests/s' | 'Utilization'): Promise<number> {
    const text = (await this.inspector.getByTestId(TEST_IDS.readout(label)).textContent()) ?? '';
    const match = new RegExp(`^${label.replace('/', '\\/')}\\s+([\\d.]+)`).exec(text.trim());
    if (!match) throw new Error(`Unreadable readout: "${text}"`);
    return Number(match[1]);
  }

  /** The "now" figure in a chart's header (the last complete second), as a number. */
  async chartLatest(name: 'Throughput' | 'Latency' | 'Error rate'): Promise<number> {
    const text = (await this.chart(name).getByTestId(TEST_IDS.chartLatest).textContent()) ?? '';
    const match = /([\d.]+)/.exec(text);
    if (!match) throw new Error(`Unreadable chart figure: "${text}"`);
    return Number(match[1]);
  }

  /** A figure of the run totals ("Failed 825"), as a number. */
  async total(label: 'Requests' | 'OK' | 'Failed'): Promise<number> {
    const text = (await this.runTotals.getByText(label, { exact: true }).locator('..').textContent()) ?? '';
    const match = /([\d,]+)\s*$/.exec(text.trim());
    if (!match) throw new Error(`Unreadable total: "${text}"`);
    return Number((match[1] ?? '').replaceAll(',', ''));
  }

  /** The simulated time (s) of the first event-log line containing `text`. */
  async eventTime(text: string): Promise<number> {
    const line = this.eventLog.getByRole('listitem').filter({ hasText: text }).first();
    const content = (await line.textContent()) ?? '';
    const match = /([\d.]+) s/.exec(content);
    if (!match) throw new Error(`Unreadable event line: "${content}"`);
    return Number(match[1]);
  }

  async screenshot(name: string): Promise<void> {
    await this.page.screenshot({ path: `${SCREENSHOTS}/${name}.png` });
  }
}
