import { expect, test } from '@playwright/test';
import { GALLERY } from '../src/model/preset-gallery';
import { StatePage, type StateLabel } from './state-page';

/** Each preset, the figure the page must show above zero once its fault has happened, and when that is. */
const CASES: readonly { readonly id: string; readonly headline: StateLabel; readonly pastSec: number }[] = [
  { id: 'active-active', headline: 'Failed', pastSec: 65 },
  { id: 'active-passive', headline: 'Failed', pastSec: 65 },
  // Redeliveries come after the 10 s visibility timeout.
  { id: 'message-queue', headline: 'Redeliveries', pastSec: 72 },
  { id: 'replication', headline: 'Writes lost', pastSec: 62 },
  { id: 'sessions', headline: 'Sessions lost', pastSec: 62 },
  { id: 'two-regions', headline: 'Failed', pastSec: 65 },
];

const titleOf = (id: string) => GALLERY.find((p) => p.id === id)?.title ?? id;

test('the gallery lists the six presets with their lessons, and is a keyboard dialog', async ({ page }) => {
  const app = new StatePage(page);
  await app.open();
  const opener = page.getByRole('button', { name: 'Presets', exact: true });
  await opener.focus();
  await page.keyboard.press('Enter');
  await expect(app.galleryDialog).toBeVisible();
  const cards = app.galleryDialog.getByRole('listitem');
  await expect(cards).toHaveCount(GALLERY.length);
  for (const preset of GALLERY) {
    const card = app.galleryDialog.getByRole('button', { name: preset.title, exact: true });
    await expect(card).toHaveAccessibleDescription(preset.lesson);
  }
  // Focus stays inside the modal dialog; Escape closes it and gives focus back to the opener.
  for (let i = 0; i < GALLERY.length + 2; i += 1) {
    await page.keyboard.press('Tab');
    expect(await app.galleryDialog.evaluate((dialog) => dialog.contains(document.activeElement))).toBe(true);
  }
  await app.screenshot('state-gallery');
  await page.keyboard.press('Escape');
  await expect(app.galleryDialog).toBeHidden();
  await expect(opener).toBeFocused();
});

// One page for all six: mermaid loads once, as it would for a person trying the presets in turn.
test('each preset loads from the gallery, runs past its fault, and shows its headline figure above zero', async ({
  page,
}) => {
  const app = new StatePage(page);
  await app.open();
  for (const { id, headline, pastSec } of CASES) {
    await test.step(`${titleOf(id)}: ${headline}`, async () => {
      await app.openPreset(titleOf(id));
      // The lesson is on the page, and the headline figure is there from t = 0.
      await expect(app.lesson).toContainText('Watch:');
      // The lesson strip guides now: the first visit's welcome waits (one strip, not two).
      await expect(page.getByRole('region', { name: 'Welcome' })).toBeHidden();
      expect(await app.count(headline)).toBe(0);
      if (id === 'two-regions') {
        // A region shows its added latency on its frame, the DNS node its TTL.
        await expect(page.getByText('Region West · +40 ms')).toBeVisible();
        await expect(app.node('DNS')).toContainText('TTL 30 s');
        // A DNS node answers names: no worker pool, so no utilization bar or queue figures (its
        // Utilization readout stays, at 0 %, as DESIGN.md §8 names it for every node), and its
        // Inspector offers its routing only (README "State").
        await expect(app.node('DNS').getByTitle(/^Utilization/)).toHaveCount(0);
        await expect(app.node('LB East').getByTitle(/^Utilization/)).toHaveCount(0);
        await expect(app.node('Server E1').getByTitle(/^Utilization/)).toHaveCount(1);
        await app.select('DNS');
        await expect(app.inspector.getByTestId('readout-Requests/s')).toBeVisible();
        for (const figure of ['Queue', 'Wasted/s'])
          await expect(app.inspector.getByTestId(`readout-${figure}`)).toHaveCount(0);
        await expect(app.inspector.getByLabel('TTL')).toBeVisible();
        await expect(app.inspector.getByLabel('Workers')).toHaveCount(0);
      }

      await app.runPast(pastSec);
      await expect(app.eventLog).toContainText(/failed/);
      expect(await app.count(headline)).toBeGreaterThan(0);
      await expect(page.getByText('NaN')).toHaveCount(0);
      await app.screenshot(`state-${id}`);
    });
  }
  // Readable on a small laptop or projector, too.
  await page.setViewportSize({ width: 1280, height: 720 });
  await expect(app.count('Failed')).resolves.toBeGreaterThan(0);
  await app.screenshot('state-1280x720');
  await app.lesson.getByRole('button', { name: 'Dismiss lesson' }).click();
  await expect(app.lesson).toBeHidden();
  await expect(page.getByRole('region', { name: 'Welcome' })).toBeVisible();
});

test('the message queue shows its backlog on the canvas, in the Inspector and as a chart', async ({
  page,
}) => {
  const app = new StatePage(page);
  await app.open();
  await app.openPreset(titleOf('message-queue'));
  await app.select('Message Queue');
  await expect(app.node('Message Queue')).toContainText('Backlog');
  await expect(app.inspector.getByTestId('readout-Backlog')).toHaveText(/^Backlog\s+0 msg$/);
  await expect(app.inspector.getByTestId('readout-Oldest age')).toBeVisible();
  // Fail Server 1 at t = 0 (its scenario recovers it at 100 s): only Server 2 consumes and the backlog grows.
  await app.select('Server 1');
  await app.inspector.getByRole('button', { name: 'Fail', exact: true }).click();
  await app.select('Message Queue');
  // At 1×, far from the recovery at 100 s whatever the machine's speed.
  await app.setSpeed('1');
  await app.play();
  await expect.poll(() => app.clockSec(), { timeout: 30_000, intervals: [100] }).toBeGreaterThan(4);
  await app.pauseIfRunning();
  expect(await app.clockSec()).toBeLessThan(100);
  expect(await app.readoutNumber('Backlog')).toBeGreaterThan(100);
  await expect(app.inspector.getByTestId('readout-Oldest age')).toHaveText(/^Oldest age\s+[\d.]+ m?s$/);
  await expect(app.node('Message Queue')).toContainText(/Backlog [1-9]/);
  await page.getByRole('checkbox', { name: "Show Message Queue's own series" }).check();
  await expect(page.getByRole('region', { name: 'Backlog', exact: true })).toContainText(/now [1-9]\d* msg/);
  await app.screenshot('state-queue-backlog');
});
