import { expect, test } from '@playwright/test';
import { StatePage } from './state-page';

// The app opens on Active-Active behind a load balancer, without a scenario: the test makes the fault.

test('an alert rule added in the editor fires after a fault and shows its time to detect', async ({
  page,
}) => {
  const app = new StatePage(page);
  await app.open();

  await page.getByRole('button', { name: /^Alerts/ }).click();
  const dialog = app.alertsDialog;
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('No alert rules yet');
  const form = dialog.getByRole('form', { name: 'Add an alert rule' });
  await form.getByLabel('Name').fill('errors');
  await expect(form.getByLabel('Metric')).toHaveValue('error_rate');

  // Invalid input is named inline and never added.
  const threshold = form.getByLabel('Above');
  await threshold.fill('abc');
  await expect(threshold).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByRole('alert')).toContainText('error rate');
  await form.getByRole('button', { name: 'Add alert' }).click();
  await expect(dialog.getByRole('list', { name: 'Alert rules' })).toHaveCount(0);

  await threshold.fill('1');
  await expect(threshold).not.toHaveAttribute('aria-invalid', 'true');
  await form.getByLabel('For').fill('3');
  await form.getByRole('button', { name: 'Add alert' }).click();
  const rules = dialog.getByRole('list', { name: 'Alert rules' });
  await expect(rules.getByRole('listitem')).toHaveCount(1);
  await expect(rules).toContainText('error rate > 1% for 3 s');
  await app.screenshot('state-alerts-editor');
  // A rule half written when the dialog closes is still there when it opens again.
  await form.getByLabel('Name').fill('slow-draft');
  await form.getByLabel('Above').fill('x');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  // Focus goes back to the button that opened the dialog (src/ui/dialog/Dialog.tsx).
  await expect(page.getByRole('button', { name: /^Alerts/ })).toBeFocused();
  await page.getByRole('button', { name: /^Alerts/ }).click();
  await expect(form.getByLabel('Name')).toHaveValue('slow-draft');
  await expect(form.getByLabel('Above')).toHaveValue('x');
  await expect(form.getByLabel('Above')).toHaveAttribute('aria-invalid', 'true');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: /^Alerts/ })).toContainText('1');

  // Server 1 fails at once; the error rate crosses 1% in its first second, so the rule fires 3 s later.
  await app.select('Server 1');
  await app.inspector.getByRole('button', { name: 'Fail', exact: true }).click();
  // At 1× the alert fires about 4 s after Play, far from the end of the charts' first 120 s window.
  await app.setSpeed('1');
  await app.play();
  await expect(app.eventLog).toContainText("Alert 'errors' firing: error rate > 1% for 3 s", {
    timeout: 30_000,
  });
  await app.pauseIfRunning();
  // The chart window shows the first 120 s, so the marker stays in view whatever the machine's speed.
  expect(await app.clockSec()).toBeLessThan(120);
  const line = app.detection.getByRole('listitem').filter({ hasText: 'Server 1 failed at 0.0 s' });
  await expect(line).toContainText(/→ detected by 'errors' after \d+\.\d s/);
  const after = Number(/after ([\d.]+) s/.exec((await line.textContent()) ?? '')?.[1]);
  expect(after).toBeGreaterThanOrEqual(3);
  expect(after).toBeLessThanOrEqual(6);
  await expect(app.chart('Error rate')).toContainText("Alert 'errors' firing");
  await app.screenshot('state-alert-fired');

  // Once the load balancer routes around Server 1 the errors stop and the alert resolves.
  await app.play();
  await expect(app.eventLog).toContainText("Alert 'errors' resolved", { timeout: 30_000 });
  await app.pauseIfRunning();

  // Deleting the rule restarts the run without it.
  await page.getByRole('button', { name: /^Alerts/ }).click();
  await dialog.getByRole('button', { name: 'Delete alert errors' }).click();
  await expect(dialog).toContainText('No alert rules yet');
  await expect(app.clock).toHaveText('t = 0.0 s');
});
