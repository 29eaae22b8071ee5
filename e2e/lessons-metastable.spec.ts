import { expect, test } from '@playwright/test';
import { InsightPage } from './insight-page';
import { LessonsPage } from './lessons-page';
import { NAMES } from './selectors';

/**
 * The lessons on metastable failures (README "Metastable failures"), each walked with the mouse: the
 * steps wait for the run's trigger and the failure after it, and the question's figure is the one the run
 * totals show at that moment.
 */
interface Case {
  readonly title: string;
  readonly steps: number;
  /** The node a step asks to select before the trigger, if any. */
  readonly select?: string;
  /** The event-log line of the last trigger, and the seconds the last step waits after it. */
  readonly lastTrigger: string;
  readonly waitSec: number;
  /** The run-totals figure the question asks for. */
  readonly total: 'Failed' | 'Wasted' | 'Availability';
}

const CASES: readonly Case[] = [
  {
    title: 'A retry storm that outlives the crash',
    steps: 4,
    lastTrigger: 'Server 1 recovered',
    waitSec: 15,
    total: 'Failed',
  },
  {
    title: 'A cache flush that never recovers',
    steps: 4,
    select: 'Cache',
    lastTrigger: 'Cache flushed',
    waitSec: 20,
    total: 'Availability',
  },
  {
    title: 'A cache stampede after a database latency spike',
    steps: 4,
    lastTrigger: 'Database recovered',
    waitSec: 15,
    total: 'Failed',
  },
  {
    title: 'A GC-style death spiral',
    steps: 5,
    select: 'API',
    lastTrigger: 'Client load changed (300 req/s)',
    waitSec: 15,
    total: 'Availability',
  },
  {
    title: 'Connection-pool exhaustion',
    steps: 4,
    lastTrigger: 'Database recovered',
    waitSec: 20,
    total: 'Wasted',
  },
  {
    title: 'A stale queue: 100% busy, no goodput',
    steps: 4,
    lastTrigger: 'Client load changed (900 req/s)',
    waitSec: 10,
    total: 'Wasted',
  },
];

test('the lesson gallery lists the six metastable failures under their topic', async ({ page }) => {
  const app = new LessonsPage(page);
  await app.open();
  await app.welcome.getByRole('button', { name: 'Dismiss welcome' }).click();
  await app.button('Lessons').click();
  const metastable = app.lessonsDialog.getByRole('button').filter({ hasText: 'Metastable failures' });
  await expect(metastable).toHaveCount(6);
  for (const c of CASES) await expect(app.lessonCard(c.title)).toHaveCount(1);
  await metastable.last().scrollIntoViewIfNeeded();
  await app.screenshot('lessons-gallery-metastable');
});

for (const c of CASES) {
  test(`lesson “${c.title}”: the steps wait for the run, and the answer is the run totals’ figure`, async ({
    page,
  }) => {
    const app = new LessonsPage(page);
    await app.open();
    await app.welcome.getByRole('button', { name: 'Dismiss welcome' }).click();
    await app.button('Lessons').click();
    await app.lessonCard(c.title).click();
    await expect(app.lessonsDialog).toBeHidden();
    await expect(app.lessonSteps.getByRole('heading', { name: c.title })).toBeVisible();
    await app.expectStep(1, c.steps);

    // Slow enough to select a node before the trigger at 30 s, then as fast as the machine allows.
    await app.setSpeed('10');
    await app.play();
    await app.expectStep(2, c.steps);
    if (c.select !== undefined) {
      await app.select(c.select);
      await app.expectStep(3, c.steps);
      expect(await app.clockSec()).toBeLessThan(30);
    }
    await app.setSpeed('max');
    await expect(app.progress).toHaveText('All steps done', { timeout: 60_000 });
    await app.pauseIfRunning();
    await expect(app.clock).toHaveAttribute('aria-busy', 'false');
    const triggerAt = await app.eventTime(c.lastTrigger);
    expect(await app.clockSec()).toBeGreaterThanOrEqual(triggerAt + c.waitSec);

    const figure = await app.answer('1');
    if (c.total === 'Availability') {
      // The figure on screen, to its two decimals, not a whole percent.
      expect(figure).toBe(await app.totalShare('Availability'));
      // Collapsed: well below what a healthy run serves.
      expect(figure).toBeLessThan(70);
    } else {
      expect(figure).toBe(await app.count(c.total));
    }
    await expect(app.lessonSteps.getByRole('status')).toContainText('Not quite');
    await expect(page.getByText('NaN')).toHaveCount(0);
    await app.screenshot(`lessons-metastable-${c.title.toLowerCase().replace(/[^a-z]+/g, '-')}`);

    // Done watching: the lesson leads to its fix in Twin runs.
    await app.lessonSteps.getByRole('button', { name: 'Try the mitigation in Twin runs' }).click();
    const insight = new InsightPage(page);
    await expect(insight.panel.getByRole('tab', { name: 'Twin runs' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await expect(
      insight.panel
        .getByRole('region', { name: 'Mitigation' })
        .getByRole('button', { name: /^Try the mitigation: / }),
    ).toBeVisible();
    await expect(app.button(NAMES.play)).toBeVisible();
  });
}
