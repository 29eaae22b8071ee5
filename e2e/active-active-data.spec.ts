import { expect, test, type Page } from '@playwright/test';
import { InsightPage } from './insight-page';
import { StatePage } from './state-page';

const TITLE = 'Active-active across two regions';

interface Moment {
  readonly clockSec: number;
  readonly divergent: number;
  readonly conflicts: number;
  readonly lostUpdates: number;
}

/**
 * The clock, the replication link's divergent keys and the run totals' counts, read in one go from
 * the page, so the figures belong to the same moment.
 */
async function momentOf(page: Page): Promise<Moment> {
  return page.evaluate(() => {
    const number = (text: string | null | undefined, pattern: RegExp) =>
      Number((pattern.exec(text ?? '')?.[1] ?? 'NaN').replaceAll(',', ''));
    // The selected replication link's Inspector readout (the chart redraws only twice a second).
    const readout = document.querySelector('[data-testid="readout-Divergent keys"] dd');
    const totals = document.querySelector('[aria-label="Run totals"]');
    const count = (label: string) => {
      const term = [...(totals?.querySelectorAll('dt') ?? [])].find((dt) => dt.textContent === label);
      return number(term?.nextElementSibling?.textContent, /^([\d,]+)$/);
    };
    return {
      clockSec: number(document.querySelector('[data-testid="clock"]')?.textContent, /t = ([\d.]+) s/),
      divergent: number(readout?.textContent, /^([\d,]+)$/),
      conflicts: count('Conflicts'),
      lostUpdates: count('Lost updates'),
    };
  });
}

test('active-active across two regions: the partition makes the copies diverge, the heal settles the conflicts and counts the lost updates', async ({
  page,
}) => {
  const app = new StatePage(page);
  await app.open();
  await app.openPreset(TITLE);
  const replication = page.getByRole('region', { name: 'Replication', exact: true });
  await expect(replication).toBeVisible();
  // The two-headed link between the databases is drawn, and is a replication link in the Inspector.
  await page.getByRole('button', { name: 'Edge DB East ↔ DB West', exact: true }).click();
  await expect(app.inspector).toContainText('replication link (DBEast <--> DBWest)');
  await expect(app.inspector.getByRole('combobox', { name: /Conflicts/ })).toHaveValue('lww');

  // The run stops by itself at its end: first at 100 s, inside the partition, then at 180 s, after the heal.
  const runWithDuration = async (durationSec: number) => {
    await app.source.open();
    const text = await app.source.value();
    await app.source.paste(text.replace(/duration=\d+s/, `duration=${durationSec}s`));
    await app.source.leave();
    await expect(app.clock).toHaveText('t = 0.0 s');
    await app.setSpeed('max');
    // At Max the run may be over before its Pause button could be seen.
    await app.button('Play').click();
    await expect(app.clock).toHaveText(`t = ${durationSec}.0 s`, { timeout: 60_000 });
    return momentOf(page);
  };

  // Split-brain from 60 s: both regions keep writing and the copies drift apart; nothing is settled yet
  // (but the odd conflict between writes in flight).
  const during = await runWithDuration(100);
  expect(during.divergent).toBeGreaterThan(2500);
  expect(during.lostUpdates).toBeLessThan(30);
  await app.screenshot('active-active-data-partition');

  // Healed at 120 s: the backlog replicates, divergence falls back, each conflict loses an update.
  const after = await runWithDuration(180);
  expect(after.divergent).toBeLessThan(100);
  expect(after.lostUpdates).toBeGreaterThan(1000);
  expect(after.conflicts).toBe(after.lostUpdates);
  await expect(app.eventLog).toContainText('DB East ↔ DB West partitioned');
  await expect(app.eventLog).toContainText('DB East ↔ DB West recovered');
  await expect(page.getByText('NaN')).toHaveCount(0);
  await app.screenshot('active-active-data-healed');
});

test('twin runs of the two-region preset: sync replication trades the lost updates for failed writes', async ({
  page,
}) => {
  const app = new StatePage(page);
  const insight = new InsightPage(page);
  await app.open();
  await app.openPreset(TITLE);
  await insight.open('Twin runs');
  await expect(
    insight.panel.getByRole('checkbox', { name: 'DB East ↔ DB West: conflicts lww → first-wins' }),
  ).toBeVisible();
  await insight.panel.getByRole('checkbox', { name: 'DB East ↔ DB West: async → sync replication' }).check();
  await insight.panel.getByRole('button', { name: 'Run A and B' }).click();
  const table = insight.panel.getByRole('table', { name: 'Totals of A and B' });
  await expect(table).toBeVisible({ timeout: 90_000 });
  // Column 0 is A (async), 1 is B (sync).
  expect(await insight.figure(table, 'Lost updates', 0)).toBeGreaterThan(1000);
  expect(await insight.figure(table, 'Lost updates', 1)).toBe(0);
  expect(await insight.figure(table, 'Conflicts', 1)).toBe(0);
  expect(await insight.figure(table, 'Failed requests', 0)).toBe(0);
  // About 30% of the 400 requests/s write, for the 60 s of the partition.
  expect(await insight.figure(table, 'Failed requests', 1)).toBeGreaterThan(5000);
  await table.scrollIntoViewIfNeeded();
  await app.screenshot('active-active-data-twin');
});
