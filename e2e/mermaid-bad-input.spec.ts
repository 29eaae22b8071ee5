import { expect, test } from '@playwright/test';
import { AppPage } from './app-page';

const XSS = '<img src=x onerror=window.__pwned=1>';

test('no script from a diagram ever runs; oversized text is refused with the last good graph kept', async ({
  page,
}) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const app = new AppPage(page);
  await app.open();
  await app.source.open();

  // A label that is HTML shows as those characters, on the canvas and in the Preview.
  const hostile = `flowchart LR\n  A["${XSS}"] --> B["<script>window.__pwned=2</script>"]\n  click A call alert(1)\n  click B "javascript:alert(2)"\n`;
  await app.source.paste(hostile);
  await expect(page.getByRole('application').getByText(XSS, { exact: true })).toBeVisible();
  await expect(
    page.getByRole('application').getByText('<script>window.__pwned=2</script>', { exact: true }),
  ).toBeVisible();
  // The click directives are dropped, with a notice.
  await expect(app.source.notices.filter({ hasText: /click/ }).first()).toBeVisible();
  await app.screenshot('mermaid-hostile-labels');
  await app.node(XSS).click();
  await app.source.tab('Preview').click();
  await expect(app.source.preview.locator('svg')).toBeVisible();
  await app.source.preview.locator('svg').click();
  expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
  await app.source.tab('Mermaid').click();

  // Notices can be dismissed.
  const count = await app.source.notices.count();
  await app.source.notices.first().getByRole('button', { name: 'Dismiss notice' }).click();
  await expect(app.source.notices).toHaveCount(count - 1);

  // More than 200 KB: refused before parsing, with the size in the message; graph and text stay.
  // One long line: Chromium's own text insertion is very slow for tens of thousands of lines.
  const huge = `flowchart LR\n  A["${'x'.repeat(205_000)}"] --> B\n`;
  await app.source.paste(huge);
  await expect(app.source.error).toContainText('too large');
  await expect(app.source.error).toContainText('200 KB');
  await expect(page.getByRole('application').getByText(XSS, { exact: true })).toBeVisible();
  expect((await app.source.value()).length).toBe(huge.length);
  expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
});
