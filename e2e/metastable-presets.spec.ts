import { expect, test } from '@playwright/test';
import { GALLERY } from '../src/model/preset-gallery';
import { InsightPage } from './insight-page';
import { LessonsPage } from './lessons-page';
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

/** A metastable preset (or its lesson) and the one-click mitigation Twin runs offer for it. */
interface TwinCase {
  readonly name: string;
  /** Opens the document and its Twin runs. */
  readonly open: (app: LessonsPage, insight: InsightPage) => Promise<void>;
  readonly mitigation: string;
  /** Whether A is still down at the run's end (the stale queue drains in the end, a minute late). */
  readonly downToTheEnd: boolean;
}

/** Opens the preset, then Twin runs from its banner's link. */
const openPresetOf = (id: string) => async (app: LessonsPage, insight: InsightPage) => {
  await app.openPreset(presetOf(id).title);
  await app.lesson.getByRole('button', { name: 'Try the mitigation in Twin runs' }).click();
  await expect(insight.panel.getByRole('tab', { name: 'Twin runs' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
};

const TWIN_CASES: readonly TwinCase[] = [
  {
    name: 'retry storm',
    open: openPresetOf('retry-storm'),
    mitigation: 'Client: retry budget 10%',
    downToTheEnd: true,
  },
  {
    name: 'cache flush',
    open: openPresetOf('cache-flush'),
    mitigation: 'Database: max_wait 150 ms',
    downToTheEnd: true,
  },
  {
    name: 'stale queue',
    open: openPresetOf('stale-queue'),
    mitigation: 'API: LIFO queue',
    downToTheEnd: false,
  },
  {
    name: 'death spiral lesson',
    open: async (app, insight) => {
      await app.button('Lessons').click();
      await app.lessonCard('A GC-style death spiral').click();
      await expect(app.lessonsDialog).toBeHidden();
      await insight.open('Twin runs');
    },
    mitigation: 'Admission limiter: at most 5 at once',
    downToTheEnd: true,
  },
];

for (const c of TWIN_CASES) {
  test(`twin runs offer the ${c.name}’s mitigation in one click, and it outlives the trigger no more`, async ({
    page,
  }) => {
    const app = new LessonsPage(page);
    const insight = new InsightPage(page);
    await app.open();
    await c.open(app, insight);
    const variant = insight.panel.getByRole('checkbox', { name: c.mitigation });
    await expect(variant).not.toBeChecked();
    const offer = insight.panel.getByRole('region', { name: 'Mitigation' });
    await expect(offer).toContainText(c.mitigation);
    await app.screenshot(`metastable-twin-offer-${c.name.replaceAll(' ', '-')}`);
    await offer.getByRole('button', { name: `Try the mitigation: ${c.mitigation}` }).click();
    // One click ticks the variant as B and runs both.
    await expect(variant).toBeChecked();
    const table = insight.panel.getByRole('table', { name: 'Totals of A and B' });
    await expect(table).toBeVisible({ timeout: 90_000 });
    await expect(table.getByRole('columnheader', { name: `B · ${c.mitigation}` })).toBeVisible();

    // The failure outlives its trigger in A; with the mitigation B fails a tenth as much from the
    // scenario's last step on, and serves nearly what is offered by the end of the run, where A (for
    // the presets that never recover) serves almost nothing.
    const failedAfter = /^Failed from [\d.]+ s on/;
    const failedAfterA = await insight.figure(table, failedAfter, 0);
    const failedAfterB = await insight.figure(table, failedAfter, 1);
    const goodputA = await insight.figure(table, 'Goodput, last', 0);
    const goodputB = await insight.figure(table, 'Goodput, last', 1);
    const offeredA = await insight.figure(table, 'Offered, last', 0);
    const offeredB = await insight.figure(table, 'Offered, last', 1);
    expect(failedAfterA).toBeGreaterThan(0);
    expect(failedAfterB).toBeLessThan(0.1 * failedAfterA);
    expect(goodputB).toBeGreaterThan(0.9 * offeredB);
    if (c.downToTheEnd) expect(goodputA).toBeLessThan(0.3 * offeredA);
    await expect(insight.panel.getByText('NaN')).toHaveCount(0);
    await table.scrollIntoViewIfNeeded();
    await app.screenshot(`metastable-twin-${c.name.replaceAll(' ', '-')}`);
  });
}
