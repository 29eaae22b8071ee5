import { expect, test } from '@playwright/test';
import { AppPage } from './app-page';
import { InsightPage } from './insight-page';

test('twin runs: active-passive B fails more than active-active A, charts overlaid, totals side by side', async ({
  page,
}) => {
  const app = new AppPage(page);
  const insight = new InsightPage(page);
  await app.open();
  await insight.open('Twin runs');

  // The seed's scenario breaks nothing: the twin runs use the sweep's default failure.
  await expect(insight.panel.getByTestId('twin-fault-note')).toContainText('Server 1');
  const run = insight.panel.getByRole('button', { name: 'Run A and B' });
  await expect(run).toBeDisabled();
  await insight.panel.getByRole('checkbox', { name: 'Load Balancer: active-passive' }).check();
  await insight.panel.getByText('Adjust Load Balancer in B').click();
  await expect(insight.panel.getByRole('form', { name: 'B: parameters of Load Balancer' })).toBeVisible();
  await insight.panel.getByText('Adjust Load Balancer in B').click();
  await run.click();

  const table = insight.panel.getByRole('table', { name: 'Totals of A and B' });
  await expect(table).toBeVisible({ timeout: 60_000 });
  await expect(table.getByRole('columnheader', { name: 'A · your design' })).toBeVisible();
  await expect(table.getByRole('columnheader', { name: 'B · Load Balancer: active-passive' })).toBeVisible();
  for (const row of [
    'Availability',
    'Failed requests',
    'p50',
    'p95',
    'p99',
    'Writes lost',
    'Sessions lost',
    'Duplicates',
    'Cost per hour',
  ])
    await expect(table.getByRole('row', { name: new RegExp(`^${row}`) })).toBeVisible();
  // Column 0 is A, 1 is B (the row header is not a cell).
  const failedA = await insight.figure(table, 'Failed requests', 0);
  const failedB = await insight.figure(table, 'Failed requests', 1);
  expect(failedA).toBeGreaterThan(0);
  expect(failedB).toBeGreaterThan(failedA);
  await expect(insight.panel.getByTestId('cost-buys')).toContainText(
    `B costs the same per hour as A; in this run it fails ${(failedB - failedA).toLocaleString('en-US')} more requests`,
  );

  // Each chart draws A solid and B dashed.
  for (const name of ['Twin throughput', 'Twin latency p99', 'Twin error rate']) {
    const chart = insight.panel.getByRole('region', { name });
    await expect(chart.locator('path.recharts-line-curve')).toHaveCount(2);
    await expect(chart.locator('path.recharts-line-curve[stroke-dasharray="6 4"]')).toHaveCount(1);
  }
  // The run's own chart panels keep their names.
  await expect(app.chart('Throughput')).toBeAttached();
  await insight.panel.getByRole('table', { name: 'Totals of A and B' }).scrollIntoViewIfNeeded();
  await app.screenshot('insight-twin-table');
  await insight.panel.getByRole('region', { name: 'Twin error rate' }).scrollIntoViewIfNeeded();
  await app.screenshot('insight-twin-charts');
});
