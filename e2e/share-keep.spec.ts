import { expect, test } from '@playwright/test';
import { SharePage } from './share-page';

test('undo and redo every edit by keyboard and by buttons; text fields keep their own undo', async ({
  page,
}) => {
  const app = new SharePage(page);
  await app.open();
  await expect(app.button('Undo')).toBeDisabled();
  await app.openShortDocument();

  // A graph edit: delete Web B.
  await app.select('Web B');
  await page.keyboard.press('Delete');
  await expect(app.node('Web B')).toHaveCount(0);

  await page.keyboard.press('ControlOrMeta+z');
  await expect(app.node('Web B')).toBeVisible();
  await page.keyboard.press('ControlOrMeta+Shift+z');
  await expect(app.node('Web B')).toHaveCount(0);
  await page.keyboard.press('ControlOrMeta+z');
  await expect(app.node('Web B')).toBeVisible();
  await page.keyboard.press('Control+y');
  await expect(app.node('Web B')).toHaveCount(0);
  await app.screenshot('share-undo-redo');

  // The buttons: back past the deletion, back past the file opened, then forward again.
  await app.button('Undo').click();
  await expect(app.node('Web B')).toBeVisible();
  await app.button('Undo').click();
  await expect(app.node('Server 1')).toBeVisible();
  await expect(app.node('Web A')).toHaveCount(0);
  await app.button('Redo').click();
  await expect(app.node('Web A')).toBeVisible();
  await expect(app.node('Web B')).toBeVisible();

  // In the Mermaid text box, Ctrl+Z belongs to the text: the document is not undone.
  await app.source.open();
  await app.source.text.focus();
  await page.keyboard.press('ControlOrMeta+z');
  await expect(app.node('Web A')).toBeVisible();
  await expect(app.node('Server 1')).toHaveCount(0);
});

test('the document survives a reload, and a fault clicked during the run is an undoable edit', async ({
  page,
}) => {
  const app = new SharePage(page);
  await app.open();
  await app.openShortDocument();
  await app.select('Web B');
  await page.keyboard.press('Delete');
  await expect(app.node('Web B')).toHaveCount(0);
  await expect(app.saveStatus).toHaveText('Saved');
  await page.reload();
  await expect(app.node('Web A')).toBeVisible();
  await expect(app.node('Web B')).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('short-run');
  await expect(app.saveStatus).toHaveText('Saved');
  await app.screenshot('share-after-reload');

  // Fail Front LB during the run: the step joins the scenario; Undo takes it out again.
  await app.setSpeed('1');
  await app.play();
  await app.select('Front LB');
  await app.inspector.getByRole('button', { name: 'Fail', exact: true }).click();
  await expect(app.scenario).toContainText('fail Front LB');
  await app.pause();
  await app.page.getByRole('button', { name: 'Undo' }).click();
  await expect(app.scenario).not.toContainText('fail Front LB');
  await expect(app.clock).toHaveText('t = 0.0 s');
});

test('storage that refuses writes shows "Not saved" and the app keeps working in memory', async ({
  page,
}) => {
  await page.addInitScript(() => {
    Storage.prototype.setItem = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  const app = new SharePage(page);
  await app.open();
  await expect(app.saveStatus).toContainText('Not saved');
  await app.openShortDocument();
  await expect(app.saveStatus).toContainText('Not saved');
  await app.button('Undo').click();
  await expect(app.node('Server 1')).toBeVisible();
  await app.screenshot('share-not-saved');
  // The same controls in the dark theme.
  await page.emulateMedia({ colorScheme: 'dark' });
  await app.button('Share').click();
  await expect(app.shareDialog.getByRole('textbox', { name: 'Share link' })).toHaveValue(/#v1\./);
  await app.screenshot('share-dialog-dark');
});
