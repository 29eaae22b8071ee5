import { expect, test } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { documentFromJson } from '../src/share/document-json';
import { SharePage, downloadedText } from './share-page';

test('a shared link opens the same graph in a fresh browser and replays the same run', async ({
  page,
  browser,
}) => {
  const app = new SharePage(page);
  await app.open();
  await app.openShortDocument();
  const url = await app.shareLink();
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#v1\.[A-Za-z0-9_-]+$/);
  await expect(app.shareDialog.getByRole('textbox', { name: 'Embed code' })).toHaveValue(
    /<iframe src="[^"]+\?embed#v1\.[^"]+"[^>]* sandbox="allow-scripts"/,
  );
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await app.shareDialog.getByRole('button', { name: 'Copy link' }).click();
  await expect(
    app.shareDialog.getByRole('region', { name: 'Link', exact: true }).getByRole('status'),
  ).toHaveText('Copied the link.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
  await app.screenshot('share-dialog');
  await app.shareDialog.getByRole('button', { name: 'Close share' }).click();
  const here = await app.runToEnd(40);
  expect(here).toMatch(/Failed\s*[1-9]/);

  // A new context: no storage, no history, nothing shared with the first page but the URL.
  const context = await browser.newContext();
  try {
    const other = new SharePage(await context.newPage());
    await other.page.goto(url);
    for (const label of ['Client', 'Front LB', 'Web A', 'Web B', 'Store DB'])
      await expect(other.node(label)).toBeVisible();
    await expect(
      other.page.getByRole('status').filter({ hasText: 'Opened “short-run” from a link' }),
    ).toBeVisible();
    await other.screenshot('share-link-opened');
    const there = await other.runToEnd(40);
    expect(there).toBe(here);
    // The default document the link replaced is in Recent, and one click away.
    await other.page.getByRole('button', { name: 'Recent', exact: true }).click();
    await expect(other.page.getByRole('menu', { name: 'Recent' }).getByRole('menuitem')).toHaveText([
      /^Active-Active behind a load balancer · /,
    ]);
    await other.page.keyboard.press('Escape');
    await other.button('Restore previous').click();
    await expect(other.node('Server 1')).toBeVisible();
    await expect(other.node('Web A')).toHaveCount(0);
  } finally {
    await context.close();
  }
});

test('a bad link shows its plain message and keeps local work', async ({ page }) => {
  const app = new SharePage(page);
  await app.open();
  await app.openShortDocument();
  await expect(app.saveStatus).toHaveText('Saved');

  // A full page load of a damaged link (standard base64 characters in it).
  await page.goto('/?present#v1.eJzF+lUuL2/zAQx7==');
  const alert = page.getByRole('alert').filter({ hasText: 'Your document is unchanged' });
  await expect(alert).toContainText('This link is damaged');
  await expect(app.node('Web A')).toBeVisible();
  // The query string belongs to other features: it is left as it was.
  expect(new URL(page.url()).search).toBe('?present');
  await app.screenshot('share-bad-link');

  // A link pasted into the address bar of the open page (hashchange): from a newer archplay.
  await page.evaluate(() => {
    location.hash = '#v9.AAAA';
  });
  await expect(page.getByRole('alert')).toContainText('newer version of archplay');
  // Cut short by a chat app.
  await page.evaluate(() => {
    location.hash = '#v1.';
  });
  await expect(page.getByRole('alert')).toContainText('This link is incomplete');
  await expect(app.node('Web A')).toBeVisible();
  await page.reload();
  await expect(app.node('Web A')).toBeVisible();

  // A browser that refuses the clipboard: the dialog says how to copy by hand.
  await page.evaluate(() => {
    navigator.clipboard.writeText = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));
  });
  await app.shareLink();
  await app.shareDialog.getByRole('button', { name: 'Copy link' }).click();
  await expect(
    app.shareDialog.getByRole('region', { name: 'Link', exact: true }).getByRole('status'),
  ).toContainText('did not allow copying');
});

/** A flowchart whose labels do not compress: its link would be far longer than 8,000 characters. */
function hugeMermaid(nodes: number): string {
  const lines = ['flowchart LR', '  C["Client"]'];
  for (let i = 0; i < nodes; i++) lines.push(`  C --> N${i}["${randomBytes(24).toString('hex')}"]`);
  lines.push('%% @C kind=client rate=10/s');
  return `${lines.join('\n')}\n`;
}

test('a document too large for a link says so and offers a file instead', async ({ page }) => {
  const app = new SharePage(page);
  await app.open();
  await app.importFile('huge.mmd', hugeMermaid(200));
  await expect(app.page.getByRole('heading', { level: 1 })).toHaveText('huge');
  await app.button('Share').click();
  await expect(app.shareDialog.getByRole('alert')).toContainText('too large for a link');
  await expect(app.shareDialog.getByRole('textbox', { name: 'Share link' })).toHaveCount(0);
  await app.screenshot('share-too-long');
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    app.shareDialog.getByRole('button', { name: 'Download .json' }).click(),
  ]);
  expect(file.suggestedFilename()).toBe('huge.json');
  const read = documentFromJson(await downloadedText(file));
  expect(read.ok && read.document.nodes).toHaveLength(201);
});
