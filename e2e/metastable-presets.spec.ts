import { expect, test } from '@playwright/test';
import { GALLERY } from '../src/model/preset-gallery';
import { InsightPage } from './insight-page';
import { StatePage } from './state-page';

/** The metastable-failure presets (README "Metastable failures"), and when each has collapsed for good. */
const CASES: readonly { readonly id: string; readonly pastSec: number }[] = [
  { id: 'retry-storm', pastSec: 55 },
  { id: 'cache-flush', pastSec: 40 },
  { id: 'cache-stampede', pastSec: 40 },
  { id: 'death-spiral', pastSec: 40 },
  { id: 'pool-exhaustion', pastSec: 55 },
  { id: 'stale-queue', pastSec: 45 },
];

const presetOf = (id: string) => {
  const preset = GALLERY.find((p) => p.id === id);
  if (!preset) throw new Error(`no preset ${id}`);
  return preset;
};

// One page for all six, as a person would try them in turn.
test('each metastable preset runs past its trigger and shows failures and wasted work, never NaN', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const app = new StatePage(page);
  await app.open();
  for (const { id, pastSec } of CASES) {
    const preset = presetOf(id);
    await test.step(preset.title, async () => {
      await app.openPreset(preset.title);
      await expect(app.lesson).toContainText('Watch:');
      expect(await app.count('Failed')).toBe(0);
      await app.runPast(pastSec);
      expect(await app.count('Failed')).toBeGreaterThan(0);
      expect(await app.count('Wasted')).toBeGreaterThan(0);
      await expect(app.chart('Throughput')).toContainText('wasted/s');
      await expect(page.getByText('NaN')).toHaveCount(0);
      await app.screenshot(`metastable-${id}`);
    });
  }
});

test('twin runs offer the stale queue’s mitigation in one click: LIFO keeps the goodput', async ({
  page,
}) => {
  const app = new StatePage(page);
  const insight = new InsightPage(page);
  await app.open();
  await app.openPreset(presetOf('stale-queue').title);
  await insight.open('Twin runs');
  await insight.panel.getByRole('checkbox', { name: 'API: LIFO queue' }).check();
  await insight.panel.getByRole('button', { name: 'Run A and B' }).click();
  const table = insight.panel.getByRole('table', { name: 'Totals of A and B' });
  await expect(table).toBeVisible({ timeout: 90_000 });
  const failedA = await insight.figure(table, 'Failed requests', 0);
  const failedB = await insight.figure(table, 'Failed requests', 1);
  expect(failedA).toBeGreaterThan(0);
  expect(failedB).toBeLessThan(failedA / 2);
  await table.scrollIntoViewIfNeeded();
  await app.screenshot('metastable-twin-lifo');
});
