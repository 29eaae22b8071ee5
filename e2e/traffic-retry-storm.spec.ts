import { expect, test } from '@playwright/test';
import { TrafficPage } from './traffic-page';

test('short timeouts, three retries and slow servers amplify the offered load', async ({ page }) => {
  const app = new TrafficPage(page);
  await app.open();

  // Calm: one attempt per request.
  await app.setSpeed('10');
  await app.play();
  await expect.poll(() => app.clockSec()).toBeGreaterThan(8);
  await app.pause();
  expect(await app.amplification()).toBeCloseTo(1, 2);

  // The client gives up after 200 ms and tries three more times.
  await app.select('Client');
  await app.setParam('Timeout', '200ms', 'Retries & timeouts');
  await app.setParam('Retries', '3', 'Retries & timeouts');
  await expect(app.inspector.getByLabel('Retry backoff', { exact: true })).toHaveAttribute(
    'placeholder',
    /0ms \(default\)/,
  );

  // Both servers become five times slower: together they can no longer serve the offered load.
  await app.setSpeed('10');
  await app.play();
  await expect.poll(() => app.clockSec()).toBeGreaterThan(5);
  await app.pause();
  for (const server of ['Server 1', 'Server 2']) {
    await app.select(server);
    await app.inspector.getByLabel('Slow factor').fill('5');
    await app.fault('Slow').click();
    await expect(app.scenario).toContainText(`degrade ${server} ×5 slower`);
  }
  await app.play();
  await expect(app.eventLog).toContainText('Server 2 degraded (×5 slower)');

  // Timeouts feed retries, retries feed the queues: attempts per request climb above 2.
  await expect.poll(() => app.amplification(), { timeout: 30_000 }).toBeGreaterThan(2);
  await app.pause();
  // The chart's readout redraws at most twice a second, so it may still show a moment before the storm.
  await expect
    .poll(async () => {
      const { ok, attempts } = await app.throughputNow();
      return attempts / Math.max(ok, 1);
    })
    .toBeGreaterThan(1.5);
  await expect(app.chart('Throughput')).toContainText('attempts/s');
  await expect(app.eventLog).toContainText('Server 1 degraded (×5 slower)');
  await expect(page.getByText('NaN')).toHaveCount(0);
  await app.screenshot('traffic-retry-storm');
});
