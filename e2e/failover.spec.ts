import { expect, test } from '@playwright/test';
import { AppPage } from './app-page';
import { NAMES } from './selectors';

/** The preset's client rate: 400 requests/s. */
const CLIENT_RATE = 400;
/** Health checks every 2 s, down after 3 failures: detection takes up to 6 s (plus a check timeout). */
const DETECTION_MAX_SEC = 7;

const within = (value: number, target: number, tolerance: number) =>
  Math.abs(value - target) <= target * tolerance;

// The run is paused while the test reads the page at length, so that a slow machine cannot let the
// 300-second run end before the test is done with it.
test('failing Server 1 shifts its traffic to Server 2 after the health checks notice', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await app.screenshot('initial');

  await app.setSpeed('10');
  await app.play();

  // Both servers carry traffic.
  await app.select('Server 2');
  await expect.poll(() => app.readout('Requests/s')).toBeGreaterThan(100);
  await app.select('Server 1');
  await expect.poll(() => app.readout('Requests/s')).toBeGreaterThan(100);
  await expect.poll(() => app.readout('Utilization')).toBeGreaterThan(0);
  await expect.poll(() => app.clockSec()).toBeGreaterThan(20);
  await app.pause();
  expect(await app.chartLatest('Error rate')).toBe(0);
  expect(await app.total('Failed')).toBe(0);
  await app.screenshot('running');

  // Fail Server 1 (the fault is scheduled at the current simulated time, even while paused).
  await app.button(NAMES.fail).click();
  await expect(app.inspector.getByRole('button', { name: NAMES.recover })).toBeVisible();
  await expect(app.scenario).toContainText('fail Server 1');
  await app.play();
  await expect(app.eventLog).toContainText('Server 1 failed');
  const failedAt = await app.eventTime('Server 1 failed');

  // Until the load balancer notices, requests sent to Server 1 fail.
  await expect(app.eventLog).toContainText('Load Balancer marked Server 1 down');
  const detectedAt = await app.eventTime('marked Server 1 down');
  expect(detectedAt - failedAt).toBeGreaterThan(0);
  expect(detectedAt - failedAt).toBeLessThanOrEqual(DETECTION_MAX_SEC);
  expect(await app.total('Failed')).toBeGreaterThan(0);

  // Then Server 2 carries about the whole client rate.
  await app.select('Server 2');
  await expect
    .poll(async () => within(await app.readout('Requests/s'), CLIENT_RATE, 0.15), { timeout: 30_000 })
    .toBe(true);

  // The charts mark the fault and its detection; errors showed on the Error rate chart.
  await app.pause();
  await expect(app.chart('Latency')).toContainText('Server 1 failed');
  await expect(app.chart('Latency')).toContainText('Server 1 marked down');
  await expect(app.chart('Error rate')).toContainText('Server 1 failed');
  await expect(page.getByText('NaN')).toHaveCount(0);
  await app.screenshot('after-fail');

  // The charts can show the selected node's own series.
  const ownSeries = page.getByRole('checkbox', { name: "Show Server 2's own series" });
  await ownSeries.check();
  await expect(app.chart('Throughput')).toContainText('Server 2');
  await expect.poll(async () => within(await app.chartLatest('Throughput'), CLIENT_RATE, 0.15)).toBe(true);
  await ownSeries.uncheck();
  await expect(app.chart('Throughput')).toContainText('all clients');

  // Errors stop once the load balancer routes around Server 1.
  await app.play();
  await expect.poll(() => app.clockSec()).toBeGreaterThan(detectedAt + 3);
  await app.pause();
  await expect.poll(() => app.chartLatest('Error rate')).toBe(0);
  const failedAfterDetection = await app.total('Failed');
  await app.play();
  await expect.poll(() => app.clockSec()).toBeGreaterThan(detectedAt + 13);
  await app.pause();
  expect(await app.total('Failed')).toBe(failedAfterDetection);
  await expect.poll(() => app.chartLatest('Error rate')).toBe(0);

  // Recover brings Server 1 back once its health checks pass again.
  await app.select('Server 1');
  await app.inspector.getByRole('button', { name: NAMES.recover }).click();
  await expect(app.inspector.getByRole('button', { name: NAMES.fail })).toBeVisible();
  await expect(app.scenario).toContainText('recover Server 1');
  await app.play();
  await expect(app.eventLog).toContainText('Server 1 recovered');
  await expect(app.eventLog).toContainText('Load Balancer marked Server 1 up');
  await expect.poll(() => app.readout('Requests/s'), { timeout: 30_000 }).toBeGreaterThan(100);
  await app.pause();
  await expect(page.getByText('NaN')).toHaveCount(0);
  await app.screenshot('after-recovery');
});
