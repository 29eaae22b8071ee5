import { expect, test, type Locator } from '@playwright/test';
import { StatePage } from './state-page';

const TITLE = 'Active-active across two regions';

/** The leading number of the Replication chart's "now 1,234 divergent". */
async function divergentNow(chart: Locator): Promise<number> {
  const text = (await chart.getByTestId('chart-latest').textContent()) ?? '';
  const match = /now ([\d,]+) divergent/.exec(text);
  if (!match) throw new Error(`Unreadable: "${text}"`);
  return Number((match[1] ?? '').replaceAll(',', ''));
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
  await page.getByRole('button', { name: /DB East.*DB West/ }).click();
  await expect(app.inspector).toContainText('replication link (DBEast <--> DBWest)');
  await expect(app.inspector.getByRole('combobox', { name: /Conflicts/ })).toHaveValue('lww');

  // Before the partition only the writes in flight differ.
  await app.runPast(50);
  expect(await divergentNow(replication)).toBeLessThan(100);

  // Split-brain: both regions keep writing and the copies drift apart; nothing is settled yet.
  await app.runPast(100);
  const during = await divergentNow(replication);
  expect(during).toBeGreaterThan(1500);
  expect(await app.count('Lost updates')).toBe(0);
  await expect(app.eventLog).toContainText(/partition/i);
  await app.screenshot('active-active-data-partition');

  // Healed at 120 s: the backlog replicates, divergence falls back, each conflict loses an update.
  await app.runPast(126);
  expect(await divergentNow(replication)).toBeLessThan(100);
  const lost = await app.count('Lost updates');
  expect(lost).toBeGreaterThan(500);
  expect(await app.count('Conflicts')).toBe(lost);
  await expect(page.getByText('NaN')).toHaveCount(0);
  await app.screenshot('active-active-data-healed');
});
