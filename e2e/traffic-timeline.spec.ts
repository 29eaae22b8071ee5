import { expect, test } from '@playwright/test';
import { TrafficPage } from './traffic-page';

test('the scenario timeline adds, moves and deletes steps, and each edit restarts the run', async ({
  page,
}) => {
  const app = new TrafficPage(page);
  await app.open();

  await app.addStep(40, 'Server 2', 'Slow ×', '4');
  await app.addStep(20, 'Server 1', 'Fail (crash)');
  const steps = app.scenario.getByRole('listitem');
  await expect(steps).toHaveCount(2);
  // Ordered by time, upcoming, and on the timeline strip under the charts.
  await expect(steps.nth(0)).toContainText('fail Server 1');
  await expect(steps.nth(1)).toContainText('degrade Server 2 ×4 slower');
  await expect(steps.nth(0)).toContainText('(upcoming)');
  await expect(app.timeline).toContainText('fail Server 1');

  // They happen when the run reaches them.
  await app.setSpeed('10');
  await app.play();
  await expect(app.eventLog).toContainText('Server 2 degraded (×4 slower)');
  await app.pause();
  expect(await app.eventTime('Server 1 failed')).toBeCloseTo(20, 3);
  await expect(steps.nth(0)).toContainText('(happened)');
  await app.screenshot('traffic-timeline');

  // Move the failure to 50 s: the run restarts from t = 0 and the step moves after the slow-down.
  const time = app.scenario.getByLabel('Time of fail Server 1 (s)');
  await time.fill('50');
  await time.press('Enter');
  await expect(app.clock).toHaveText('t = 0.0 s');
  await expect(app.scenario.getByLabel('Time of fail Server 1 (s)')).toHaveValue('50');
  await expect(steps.nth(1)).toContainText('fail Server 1');

  // A time past the end of the run is refused inline.
  const slow = app.scenario.getByLabel('Time of degrade Server 2 ×4 slower (s)');
  await slow.fill('9999');
  await slow.press('Enter');
  await expect(app.scenario.getByRole('alert')).toContainText('before the end of the run');
  await slow.press('Escape');

  // Delete the slow-down: one step left, the run restarted.
  await app.play();
  await expect.poll(() => app.clockSec()).toBeGreaterThan(5);
  await app.pause();
  await app.scenario.getByRole('button', { name: /^Delete step degrade Server 2/ }).click();
  await expect(app.clock).toHaveText('t = 0.0 s');
  await expect(steps).toHaveCount(1);
  await expect(app.scenario).not.toContainText('degrade');
  await expect(page.getByText('NaN')).toHaveCount(0);
});
