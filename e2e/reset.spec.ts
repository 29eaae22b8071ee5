import { expect, test } from '@playwright/test';
import { AppPage } from './app-page';
import { NAMES } from './selectors';

test('Reset runs the same document again and gives identical results, faults included', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await app.setSpeed('10');
  await app.play();
  await expect.poll(() => app.clockSec()).toBeGreaterThan(15);
  await app.select('Server 1');
  await app.button(NAMES.fail).click();
  await expect(app.scenario).toContainText('fail Server 1');

  // Run to the end as fast as possible; the run stops by itself at its duration.
  await app.setSpeed('max');
  await expect(app.clock).toHaveText('t = 300.0 s', { timeout: 60_000 });
  await expect(app.button(NAMES.play)).toBeDisabled();
  const totals = await app.runTotals.textContent();
  const log = await app.eventLog.textContent();
  expect(await app.total('Failed')).toBeGreaterThan(0);

  await app.button(NAMES.reset).click();
  await expect(app.clock).toHaveText('t = 0.0 s');
  expect(await app.total('Requests')).toBe(0);
  await expect(app.scenario).toContainText('fail Server 1');

  await app.runToEnd(300);
  await expect(app.runTotals).toHaveText(totals ?? '');
  await expect(app.eventLog).toHaveText(log ?? '');

  // Clearing the scenario restarts the run without the fault.
  await app.page.getByRole('button', { name: 'Clear scenario' }).click();
  await expect(app.scenario).not.toContainText('fail Server 1');
  await expect(app.clock).toHaveText('t = 0.0 s');
});
