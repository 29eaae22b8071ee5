import { expect, test } from '@playwright/test';
import { AppPage } from './app-page';

test('invalid parameters get an inline message and never reach the engine', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await app.setSpeed('10');
  await app.play();
  await expect.poll(() => app.clockSec()).toBeGreaterThan(5);
  await app.pause();
  const clock = await app.clock.textContent();

  await app.select('Server 1');
  const workers = app.inspector.getByLabel('Workers', { exact: true });
  const saved = await workers.inputValue();

  for (const [text, message] of [
    ['0', 'needs at least 1 worker'],
    ['abc', 'is not a whole number'],
    ['-3', 'needs at least 1 worker'],
    ['', 'enter a number'],
  ] as const) {
    await workers.fill(text);
    const alert = app.inspector.getByRole('alert');
    await expect(alert).toContainText(message);
    await expect(workers).toHaveAttribute('aria-invalid', 'true');
    const describedBy = (await workers.getAttribute('aria-describedby')) ?? '';
    expect(describedBy.split(' ')).toContain(await alert.getAttribute('id'));
    await workers.press('Enter');
    await workers.blur();
    // Not applied: the run was not restarted.
    await expect(app.clock).toHaveText(clock ?? '');
  }
  await workers.focus();
  await workers.press('Escape');
  await expect(workers).toHaveValue(saved);
  await expect(app.inspector.getByRole('alert')).toHaveCount(0);

  // A valid value is applied and restarts the run from t = 0.
  await workers.fill('10');
  await workers.press('Enter');
  await expect(app.clock).toHaveText('t = 0.0 s');
  await expect(workers).toHaveValue('10');
  await expect(workers).not.toHaveAttribute('aria-invalid', 'true');

  // Service time with a unit.
  const service = app.inspector.getByLabel('Service time');
  await service.fill('exp(-5ms)');
  await expect(app.inspector.getByRole('alert')).toBeVisible();
  await service.fill('exp(12ms)');
  await expect(app.inspector.getByRole('alert')).toHaveCount(0);
  await expect(page.getByText('NaN')).toHaveCount(0);
});
