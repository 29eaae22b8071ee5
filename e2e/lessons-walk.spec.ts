import { expect, test } from '@playwright/test';
import { LESSONS } from '../src/model/lessons';
import { LessonsPage } from './lessons-page';
import { NAMES } from './selectors';

test('a newcomer starts the first lesson from the welcome and walks it by keyboard', async ({ page }) => {
  const app = new LessonsPage(page);
  await app.open();
  await expect(app.welcome).toBeVisible();
  await app.screenshot('lessons-welcome');

  // One key press on the welcome's button opens the failover lesson at step 1.
  await app.welcome.getByRole('button', { name: 'Start the first lesson' }).focus();
  await page.keyboard.press('Enter');
  await expect(
    app.lessonSteps.getByRole('heading', { name: 'Failover and its detection window' }),
  ).toBeVisible();
  await app.expectStep(1, 6);
  await expect(app.welcome).toBeHidden();

  // Presenter mode from the keyboard: its keys drive the rest of the lesson.
  await app.button('Present').focus();
  await page.keyboard.press('Enter');
  await expect(app.presenter).toBeVisible();

  // Step 1 asks for Play: selecting a node first does not advance it.
  await app.node('Server 1').focus();
  await page.keyboard.press('Enter');
  await expect(app.inspector.getByRole('heading', { name: 'Server 1' })).toBeVisible();
  await app.expectStep(1, 6);
  await page.keyboard.press('1'); // speed 1×: the run moves slowly while the next checks are made
  await page.keyboard.press(' ');
  await expect(app.button(NAMES.pause)).toBeVisible();
  await app.expectStep(2, 6);

  // Step 2 asks to select Server 1 (done before it was current, so it must be done again).
  await app.node('Server 2').focus();
  await page.keyboard.press('Enter');
  await app.expectStep(2, 6);
  await app.node('Server 1').focus();
  await page.keyboard.press('Enter');
  await app.expectStep(3, 6);

  // Step 3 asks to fail Server 1: recovering it does not count.
  await page.keyboard.press('r');
  await app.expectStep(3, 6);
  await page.keyboard.press('f');
  await expect(app.inspector.getByRole('button', { name: NAMES.recover })).toBeVisible();
  await app.expectStep(4, 6);
  await app.screenshot('lessons-failover-step4');

  // Step 4 waits for the load balancer to mark Server 1 down: not before that event is in the log.
  const events = app.eventLog.getByRole('listitem').filter({ hasText: 'marked Server 1 down' });
  if ((await events.count()) === 0) await app.expectStep(4, 6);
  await expect(events.first()).toBeVisible();
  const downAt = await app.eventTime('marked Server 1 down');
  // Step 5 waits 6 simulated seconds from then (6 s of wall time at 1×): it is current meanwhile.
  if ((await app.clockSec()) < downAt + 3) await app.expectStep(5, 6);
  await app.expectStep(6, 6);
  expect(await app.clockSec()).toBeGreaterThanOrEqual(downAt + 6);

  // Step 6: recover with R; then the question, answered by typing.
  await page.keyboard.press('r');
  await expect(app.inspector.getByRole('button', { name: NAMES.fail })).toBeVisible();
  await expect(app.progress).toHaveText('All steps done');
  await page.keyboard.press(' ');
  await expect(app.button(NAMES.play)).toBeVisible();
  const figure = await app.answer('100');
  expect(figure).toBeGreaterThan(0);
  // The run's figure is its own: the failed requests of the run are at least that many.
  expect(await app.total('Failed')).toBeGreaterThanOrEqual(figure);
  await app.screenshot('lessons-failover-question');

  await page.keyboard.press('Escape');
  await expect(app.presenter).toBeHidden();
  expect(await app.isPresenting()).toBe(false);
});

test('a lesson from the gallery, walked with the mouse: steps wait for the run', async ({ page }) => {
  const app = new LessonsPage(page);
  await app.open();
  await app.welcome.getByRole('button', { name: 'Dismiss welcome' }).click();
  await expect(app.welcome).toBeHidden();

  await app.button('Lessons').click();
  await expect(app.lessonsDialog).toBeVisible();
  await expect(app.lessonsDialog.getByRole('listitem')).toHaveCount(LESSONS.length);
  await app.screenshot('lessons-gallery');
  await app.lessonCard('Active-active vs active-passive').click();
  await expect(app.lessonsDialog).toBeHidden();
  await expect(app.page.getByRole('heading', { level: 1 })).toHaveText(
    'Active-Active behind a load balancer',
  );
  await app.expectStep(1, 4);

  await app.setSpeed('10');
  await app.button(NAMES.play).click();
  await app.expectStep(2, 4);
  // Server 1 fails at 60 s: until the clock gets there, step 2 stays current.
  expect(await app.clockSec()).toBeLessThan(55);
  await app.expectStep(2, 4);

  await app.setSpeed('100');
  await expect(app.progress).toHaveText('All steps done', { timeout: 60_000 });
  await app.pauseIfRunning();
  const clock = await app.clockSec();
  const down = await app.eventTime('marked Server 1 down');
  // The last step waited 10 simulated seconds after the load balancer noticed.
  expect(clock).toBeGreaterThanOrEqual(down + 10);
  const figure = await app.answer('5');
  expect(figure).toBe(await app.total('Failed'));
  await app.screenshot('lessons-active-active-answer');

  // Dismissed for good: a new visit shows no welcome.
  await page.reload();
  await expect(app.node('Server 1')).toBeVisible();
  await expect(app.welcome).toBeHidden();
});
