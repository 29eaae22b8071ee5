import { expect, test } from '@playwright/test';
import { TrafficPage } from './traffic-page';

/** The preset's client rate: 400 requests/s. */
const CLIENT_RATE = 400;
/** Promotion delay set on the load balancer: backups wait this long once every primary is down. */
const PROMOTE_SEC = 10;
/** When the scenario fails Server 1 (late enough to look at the standby before it, even on a slow machine). */
const FAIL_AT_SEC = 60;

// Runs are read paused or at their end, never at a moment a slow machine could miss.
test('active-passive loses every request through detection plus promotion; active-active loses fewer', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const app = new TrafficPage(page);
  await app.open();

  // The load balancer goes active-passive: Server 2's edge is the backup, promotion takes 10 s.
  await app.select('Load Balancer');
  await app.setParam('Mode', 'active-passive', 'Failover');
  await app.setParam('Promotion delay', `${PROMOTE_SEC}s`, 'Failover');
  await app.selectEdge('Load Balancer', 'Server 2');
  await app.setParam('Backup', 'true');
  await app.addStep(FAIL_AT_SEC, 'Server 1', 'Fail (crash)');
  await expect(app.scenario).toContainText('fail Server 1');

  // Before the failure the standby carries nothing; the primary carries everything.
  await app.select('Server 2');
  await app.setSpeed('1');
  await app.play();
  await expect.poll(() => app.clockSec()).toBeGreaterThan(3);
  await app.pause();
  expect(await app.clockSec()).toBeLessThan(FAIL_AT_SEC);
  expect(await app.readout('Requests/s')).toBe(0);
  await app.select('Server 1');
  expect(await app.readout('Requests/s')).toBeGreaterThan(CLIENT_RATE * 0.85);
  await app.screenshot('traffic-active-passive-before');

  // Failure, detection, then the promotion exactly one promotion delay later.
  await app.select('Server 2');
  await app.runToEnd();
  const failedAt = await app.waitForEvent('Server 1 failed');
  const detectedAt = await app.waitForEvent('marked Server 1 down');
  const promotedAt = await app.waitForEvent('promoted Server 2');
  expect(failedAt).toBeCloseTo(FAIL_AT_SEC, 3);
  expect(detectedAt).toBeGreaterThan(failedAt);
  expect(promotedAt - detectedAt).toBeCloseTo(PROMOTE_SEC, 1);
  // After the promotion the standby carries the whole load.
  expect(await app.readout('Requests/s')).toBeGreaterThan(CLIENT_RATE * 0.85);

  // Every request sent between the failure and the promotion failed: the errors lasted through detection
  // plus promotion, and the standby took no traffic before it was promoted.
  const failedPassive = await app.total('Failed');
  expect(failedPassive).toBeGreaterThan(CLIENT_RATE * (promotedAt - failedAt) * 0.9);
  expect(failedPassive).toBeLessThan(CLIENT_RATE * (promotedAt - failedAt + 1) * 1.1);
  await app.screenshot('traffic-active-passive-end');

  // Active-active on the same topology, same seed and scenario: half the traffic hit Server 1, and only
  // until detection.
  await app.select('Load Balancer');
  await app.setParam('Mode', 'active-active', 'Failover');
  await app.runToEnd();
  const failedActive = await app.total('Failed');
  expect(failedActive).toBeGreaterThan(0);
  expect(failedActive).toBeLessThan(failedPassive / 2);
  await expect(page.getByText('NaN')).toHaveCount(0);
  await app.screenshot('traffic-active-active-end');
});
