import { expect, test } from '@playwright/test';
import { AppPage } from './app-page';
import { InsightPage } from './insight-page';

test('cost: the design’s cost per hour shows in the top bar and follows a node’s cost', async ({ page }) => {
  const app = new AppPage(page);
  const insight = new InsightPage(page);
  await app.open();
  // Defaults by kind: load balancer 0.03, two servers 0.2 each, database 0.5.
  expect(await insight.cost()).toBeCloseTo(0.93, 6);

  await app.select('Server 1');
  const cost = app.inspector.getByRole('textbox', { name: 'Cost per hour ($)' });
  await expect(cost).toHaveAttribute('placeholder', '0.2 (default)');
  await cost.fill('-1');
  await cost.press('Enter');
  await expect(app.inspector.getByRole('alert')).toContainText('Cost per hour is a number, 0 or more');
  expect(await insight.cost()).toBeCloseTo(0.93, 6);

  await cost.fill('1.2');
  await cost.press('Enter');
  await expect.poll(() => insight.cost()).toBeCloseTo(1.93, 6);
  await app.screenshot('insight-cost-inspector');
  await insight.open('Capacity');
  await expect(insight.panel.getByTestId('insight-cost')).toHaveText('This design runs at $1.93/h');
  // The Mermaid source carries it.
  await app.source.open();
  await expect(app.source.text).toHaveValue(/@Server1 .*cost=1\.2/);
  await app.screenshot('insight-cost');
  // Escape closes the panel, as any panel of its kind.
  await insight.panel.getByRole('tab', { name: 'Capacity' }).focus();
  await page.keyboard.press('Escape');
  await expect(insight.panel).toHaveCount(0);

  // Empty goes back to the kind's default.
  await cost.fill('');
  await cost.press('Enter');
  await expect.poll(() => insight.cost()).toBeCloseTo(0.93, 6);
});
