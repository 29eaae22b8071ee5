import { expect, test } from '@playwright/test';
import { AppPage } from './app-page';
import { InsightPage } from './insight-page';

test('sweep: the seed’s load balancer and database are single points of failure, not the servers', async ({
  page,
}) => {
  const app = new AppPage(page);
  const insight = new InsightPage(page);
  await app.open();
  await insight.open('Single points of failure');

  const fault = insight.panel.getByRole('spinbutton', { name: 'Fail at (s)' });
  await fault.fill('400');
  await expect(insight.panel.getByText('Enter a time before the end of the run (300 s).')).toBeVisible();
  await fault.fill('60');

  // Long work can be stopped: Cancel ends the workers and leaves no result.
  const find = insight.panel.getByRole('button', { name: 'Find single points of failure' });
  await find.click();
  const progress = insight.panel.getByRole('progressbar', { name: 'Sweep runs' });
  await expect(progress).toBeVisible();
  await insight.panel.getByRole('button', { name: 'Cancel' }).click();
  await expect(progress).toHaveCount(0);
  await expect(find).toBeEnabled();
  await expect(insight.panel.getByRole('table', { name: 'Single points of failure' })).toHaveCount(0);

  const started = Date.now();
  await insight.panel.getByRole('button', { name: 'Find single points of failure' }).click();
  await expect(insight.panel.getByRole('progressbar', { name: 'Sweep runs' })).toBeVisible();
  const table = insight.panel.getByRole('table', { name: 'Single points of failure' });
  await expect(table).toBeVisible();
  const wallSec = (Date.now() - started) / 1000;
  const summary = (await insight.panel.getByTestId('sweep-summary').textContent()) ?? '';
  console.log(`sweep of the seed diagram: ${summary} (${wallSec.toFixed(1)} s seen by the test)`);
  // A few seconds; the bound leaves room for a shared, busy machine.
  expect(wallSec).toBeLessThan(15);

  // Worst first: the load balancer and the database rank above both servers.
  const rows = table.getByRole('rowheader');
  const order = (await rows.allTextContents()).map(
    (text) => text.split(/(?=load balancer|service|database|group)/)[0],
  );
  const rank = (label: string) => order.findIndex((t) => t?.trim() === label);
  for (const spof of ['Load Balancer', 'Database'])
    for (const server of ['Server 1', 'Server 2']) expect(rank(spof)).toBeLessThan(rank(server));
  await expect(table.getByRole('row', { name: /^\d+ Load Balancer/ })).toContainText(
    'single point of failure',
  );
  await expect(table.getByRole('row', { name: /^\d+ Server 1/ })).not.toContainText(
    'single point of failure',
  );

  // The canvas shows the heat map with its legend.
  await expect(app.node('Load Balancer').locator('.arch-node--heat')).toBeVisible();
  expect(Number(await page.getByTestId('node-LoadBalancer').getAttribute('data-heat'))).toBeGreaterThan(0.9);
  expect(Number(await page.getByTestId('node-Server1').getAttribute('data-heat'))).toBeLessThan(0.1);
  await expect(page.getByRole('region', { name: 'Heat map legend' })).toBeVisible();
  // A group's outage (the whole pool) colours its frame.
  await expect(page.locator('.group-frame--heat')).toContainText('Active-active pool · 100 % failed if down');
  await app.screenshot('insight-sweep');

  // Replay the load balancer's case in the live simulator, then go back to the design.
  await table.getByRole('button', { name: 'Replay Load Balancer failing' }).click();
  const banner = page.getByRole('status').filter({ hasText: 'Replaying a case' });
  await expect(banner).toContainText('Load Balancer fails at 60 s');
  await expect(app.scenario).toContainText('fail Load Balancer');
  await app.setSpeed('max');
  await expect(app.eventLog).toContainText('Load Balancer failed', { timeout: 30_000 });
  await app.screenshot('insight-sweep-replay');
  await banner.getByRole('button', { name: 'Back to your design' }).click();
  await expect(banner).toHaveCount(0);
  await expect(app.scenario).not.toContainText('fail Load Balancer');
  await expect(app.clock).toHaveText('t = 0.0 s');

  // The heat map can be removed.
  await page
    .getByRole('region', { name: 'Heat map legend' })
    .getByRole('button', { name: 'Hide heat map' })
    .click();
  await expect(page.getByTestId('node-LoadBalancer')).not.toHaveAttribute('data-heat', /.*/);
});
