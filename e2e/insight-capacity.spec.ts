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
  const workers = app.inspector.getByLabel('Workers');
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
});
