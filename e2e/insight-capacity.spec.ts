import { expect, test } from '@playwright/test';
import { AppPage } from './app-page';
import { InsightPage } from './insight-page';

test('capacity check: a survivor that cannot carry the load is flagged above 100%, in words', async ({
  page,
}) => {
  const app = new AppPage(page);
  const insight = new InsightPage(page);
  await app.open();
  await insight.open('Capacity');

  // The seed: each server near 40% normally, the survivor near 80% after a failure; no warning.
  await expect(
    insight.panel.getByText('Every survivor stays under 100% after any single failure.'),
  ).toBeVisible();
  const normal = insight.panel.getByRole('region', { name: 'Capacity: Normal' });
  await expect(normal.getByRole('meter', { name: 'Server 2 normal' })).toHaveAttribute(
    'aria-valuetext',
    '40%',
  );
  const withoutS1 = insight.panel.getByRole('region', { name: 'Capacity: Without Server 1' });
  await expect(withoutS1.getByRole('meter', { name: 'Server 2 without server 1' })).toHaveAttribute(
    'aria-valuetext',
    '80%',
  );

  // Half the workers on Server 2 (set in the Inspector): alone it would need 160%.
  await app.select('Server 2');
  const workers = app.inspector.getByLabel('Workers', { exact: true });
  await workers.fill('3');
  await workers.press('Enter');
  const warnings = insight.panel.getByRole('list', { name: 'Capacity warnings' });
  await expect(warnings).toContainText(
    'Server 2 alone would run at 160% without Server 1: its queue grows without bound.',
  );
  await expect(withoutS1.getByRole('meter', { name: 'Server 2 without server 1' })).toHaveAttribute(
    'aria-valuetext',
    '160%',
  );
  await expect(withoutS1.locator('.capacity-bar--over')).toHaveCount(1);
  await expect(normal.getByRole('meter', { name: 'Server 2 normal' })).toHaveAttribute(
    'aria-valuetext',
    '80%',
  );
  await app.screenshot('insight-capacity');
  await page.emulateMedia({ colorScheme: 'dark' });
  await app.screenshot('insight-capacity-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  // The simulation agrees: with Server 1 failed, Server 2's queue fills and requests are rejected.
  await warnings.getByRole('button', { name: 'See it run: Server 1 fails' }).click();
  const banner = page.getByRole('status').filter({ hasText: 'Replaying a case' });
  await expect(banner).toContainText('Server 1 fails at 60 s (capacity check)');
  await app.setSpeed('max');
  await expect(app.clock).toHaveText('t = 300.0 s', { timeout: 60_000 });
  await insight.panel.getByRole('button', { name: 'Close insight' }).click();
  await app.select('Server 2');
  await expect.poll(() => app.readout('Utilization')).toBeGreaterThan(95);
  expect(await app.total('Failed')).toBeGreaterThan(1000);
  await app.screenshot('insight-capacity-see-it-run');
  await banner.getByRole('button', { name: 'Back to your design' }).click();
  await expect(banner).toHaveCount(0);
});
