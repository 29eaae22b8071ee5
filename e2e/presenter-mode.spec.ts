import { expect, test } from '@playwright/test';
import { LessonsPage } from './lessons-page';
import { NAMES } from './selectors';

test('presenter shortcuts: Space, F, R, 1–4, N/P, Esc; not while typing', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  const app = new LessonsPage(page);
  await app.open();
  await app.button('Present').click();
  await expect(app.presenter).toBeVisible();
  expect(await app.isPresenting()).toBe(true);

  const speed = page.getByRole('combobox', { name: NAMES.speed });
  for (const [key, value] of [
    ['1', '1'],
    ['2', '10'],
    ['3', '100'],
    ['4', 'max'],
    ['1', '1'],
  ] as const) {
    await page.keyboard.press(key);
    await expect(speed).toHaveValue(value);
  }

  await page.keyboard.press(' ');
  await expect(app.button(NAMES.pause)).toBeVisible();
  await page.keyboard.press(' ');
  await expect(app.button(NAMES.play)).toBeVisible();

  // F with nothing selected says what to do; with Server 1 selected it fails it, with a caption.
  await page.keyboard.press('f');
  await expect(page.getByRole('status').filter({ hasText: 'Select a node first' })).toBeVisible();
  await app.select('Server 1');
  await page.keyboard.press('2');
  await page.keyboard.press(' ');
  await page.keyboard.press('f');
  await expect(app.inspector.getByRole('button', { name: NAMES.recover })).toBeVisible();
  await page.keyboard.press(' ');
  await expect(page.locator('.presenter-caption')).toContainText('Server 1');
  await app.screenshot('presenter-1920-caption');
  await expect(app.button(NAMES.play)).toBeVisible();
  // Batches already on their way still move the clock after a pause: R acts at the settled moment.
  await expect(app.clock).toHaveAttribute('aria-busy', 'false');
  await page.keyboard.press('r');
  await expect(app.inspector.getByRole('button', { name: NAMES.fail })).toBeVisible();

  // The two steps F and R added: N and P walk them.
  const step = page.getByTestId('presenter-step');
  await expect(step).toContainText('Step 1 of 2');
  await page.keyboard.press('n');
  await expect(step).toContainText('Step 2 of 2');
  await page.keyboard.press('p');
  await expect(step).toContainText('Step 1 of 2');

  // Typing in a field: the keys are text, not shortcuts.
  const caption = app.scenario.getByRole('textbox', { name: /^Caption of/ }).first();
  await caption.click();
  await page.keyboard.type('fr 1');
  await expect(caption).toHaveValue('fr 1');
  await expect(speed).toHaveValue('10');
  await expect(app.inspector.getByRole('button', { name: NAMES.fail })).toBeVisible();
  await caption.press('Escape');
  await expect(app.presenter).toBeVisible();

  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Escape');
  await expect(app.presenter).toBeHidden();
  expect(await app.isPresenting()).toBe(false);
});

test('a trainer link opens straight into presenter mode at step 1, with the captions', async ({
  page,
  context,
}) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  const app = new LessonsPage(page);
  await app.open();

  // The trainer plans a scenario in the timeline editor and captions its first step.
  await app.scenario.getByRole('button', { name: '+ Add step' }).click();
  const form = app.scenario.getByRole('dialog', { name: 'Add a scenario step' });
  await form.getByRole('textbox', { name: 'At (s)' }).fill('20');
  await form.getByRole('combobox', { name: 'Target' }).selectOption({ label: 'Server 1' });
  await form.getByRole('combobox', { name: 'Action' }).selectOption({ label: 'Fail (crash)' });
  await form.getByRole('button', { name: 'Add step' }).click();
  await expect(form).toBeHidden();
  const captionBox = app.scenario.getByRole('textbox', { name: /^Caption of/ }).first();
  await captionBox.fill('Server 1 crashes: count the errors');
  await captionBox.press('Enter');
  await app.scenario.getByRole('button', { name: 'Copy presenter link' }).click();
  const url = await app.scenario.getByRole('textbox', { name: 'Presenter link' }).inputValue();
  expect(url).toMatch(/\?present#v1\./);

  const audience = await context.newPage();
  await audience.setViewportSize({ width: 1920, height: 1080 });
  await audience.goto(url);
  const shown = new LessonsPage(audience);
  await expect(shown.presenter).toBeVisible();
  await expect(audience.getByTestId('presenter-step')).toContainText('Step 1 of 1');
  await expect(audience.getByTestId('presenter-step')).toContainText('Server 1 crashes: count the errors');
  await expect(shown.welcome).toBeHidden();
  expect(await shown.isPresenting()).toBe(true);

  // When the step fires, its caption is on screen.
  await audience.keyboard.press('4');
  await audience.keyboard.press(' ');
  await expect(audience.locator('.presenter-caption')).toHaveText('Server 1 crashes: count the errors');
  await audience.keyboard.press(' ');
  // Paused, the charts show the run's last seconds at once (at Max they redraw once a second).
  await expect(shown.chart('Throughput').getByTestId('chart-latest')).not.toHaveText(/ 0 attempts/);
  await shown.screenshot('presenter-1920-trainer-caption');
});

test('a lesson travels in a presenter link and opens at its step 1', async ({ page, context }) => {
  const app = new LessonsPage(page);
  await app.open();
  await app.button('Lessons').click();
  await app.lessonCard('Active-active vs active-passive').click();
  await app.expectStep(1, 4);
  await app.button(NAMES.play).click();
  await app.expectStep(2, 4);
  await app.pauseIfRunning();
  await app.scenario.getByRole('button', { name: 'Copy presenter link' }).click();
  const url = await app.scenario.getByRole('textbox', { name: 'Presenter link' }).inputValue();

  const audience = await context.newPage();
  await audience.setViewportSize({ width: 1920, height: 1080 });
  await audience.goto(url);
  const shown = new LessonsPage(audience);
  await expect(shown.presenter).toBeVisible();
  await expect(audience.getByTestId('presenter-step')).toContainText('Step 1 of 4');
  await expect(audience.getByTestId('presenter-step')).toContainText('Press Play');
  await shown.expectStep(1, 4);
  await expect(shown.clock).toHaveText('t = 0.0 s');
  // The keys drive the lesson: Space is its step 1.
  await audience.keyboard.press(' ');
  await expect(audience.getByTestId('presenter-step')).toContainText('Step 2 of 4');
  await audience.keyboard.press(' ');
  await shown.screenshot('presenter-1920-lesson-link');
});
