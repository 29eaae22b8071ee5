import { expect, test } from '@playwright/test';
import { AppPage } from './app-page';
import { NAMES } from './selectors';

test('Space plays and pauses; ? lists every shortcut; neither acts while typing in a field', async ({
  page,
}) => {
  const app = new AppPage(page);
  await app.open();

  // Space with the focus on the page (not on a button, which Space presses).
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press(' ');
  await expect(app.button(NAMES.pause)).toBeVisible();
  await page.keyboard.press(' ');
  await expect(app.button(NAMES.play)).toBeVisible();

  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  const runAndEdit = dialog.getByRole('region', { name: 'Run and edit' });
  await expect(runAndEdit.getByRole('term').filter({ hasText: 'Ctrl+Z' })).toBeVisible();
  await expect(runAndEdit).toContainText('Undo the last edit of the document');
  await expect(runAndEdit).toContainText('Ctrl+Shift+Z or Ctrl+Y');
  await expect(runAndEdit).toContainText('Delete or Backspace');
  const presenter = dialog.getByRole('region', { name: 'Presenter mode' });
  await expect(presenter).toContainText('1–4');
  await expect(presenter).toContainText('Fail the selected node');
  await app.screenshot('keyboard-shortcuts');
  // Inside the dialog ? does not open a second one, and Escape closes it.
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog')).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  // With nothing selected, the Inspector offers the same list to whoever does not know the key.
  await app.inspector.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Close keyboard shortcuts' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Close keyboard shortcuts' }).click();
  await expect(dialog).toBeHidden();
  // Focus goes back to the button that opened it.
  await expect(app.inspector.getByRole('button', { name: 'Keyboard shortcuts' })).toBeFocused();

  // In a text field ? and Space are text.
  await app.select('Server 1');
  const label = app.inspector.getByRole('textbox', { name: 'Label' });
  await label.click();
  await label.press('End');
  await page.keyboard.type(' ?');
  await expect(label).toHaveValue('Server 1 ?');
  await expect(dialog).toBeHidden();
  await expect(app.button(NAMES.play)).toBeVisible();
});
