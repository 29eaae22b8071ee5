import { expect, test, type Page } from '@playwright/test';
import { SCREENSHOTS } from './selectors';
import { SharePage } from './share-page';

/** The embed snippet the Share dialog offers for `mode`. */
async function snippetFor(app: SharePage, mode: 'Read-only' | 'Interactive'): Promise<string> {
  await app.shareLink();
  await app.shareDialog.getByRole('radio', { name: new RegExp(`^${mode}`) }).check();
  const code = app.shareDialog.getByRole('textbox', { name: 'Embed code' });
  await expect(code).toHaveValue(/sandbox="allow-scripts"/);
  return code.inputValue();
}

/** A host page holding nothing but the snippet, as a documentation page would. */
async function host(page: Page, snippet: string): Promise<string[]> {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  await page.setContent(
    `<!doctype html><html><body style="margin:24px;font-family:sans-serif"><h1>Our architecture</h1>${snippet}</body></html>`,
  );
  return problems;
}

test('the read-only embed runs inside a sandboxed iframe without storage and shows numbers', async ({
  page,
  browser,
}) => {
  const app = new SharePage(page);
  await app.open();
  await app.openShortDocument();
  const snippet = await snippetFor(app, 'Read-only');
  expect(snippet).not.toContain('allow-same-origin');

  const context = await browser.newContext();
  try {
    const docPage = await context.newPage();
    const problems = await host(docPage, snippet);
    await expect(docPage.locator('iframe')).toHaveAttribute('sandbox', 'allow-scripts');
    const frame = docPage.frameLocator('iframe');
    const embed = new SharePage(docPage);
    const node = (label: string) => frame.getByRole('group', { name: new RegExp(`^${label},`) });
    await expect(node('Web A')).toBeVisible();
    // No editing chrome: no palette, no source panel, no Share or Export, no parameter fields.
    await expect(frame.getByRole('button', { name: 'Source ›' })).toHaveCount(0);
    await expect(frame.getByRole('button', { name: 'Share', exact: true })).toHaveCount(0);
    await expect(frame.getByRole('button', { name: 'Export', exact: true })).toHaveCount(0);
    await expect(frame.getByRole('region', { name: 'Inspector' })).toHaveCount(0);

    await frame.getByRole('combobox', { name: 'Speed' }).selectOption('100');
    await frame.getByRole('button', { name: 'Play', exact: true }).click();
    await expect(frame.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
    const throughput = frame
      .getByRole('region', { name: 'Throughput', exact: true })
      .getByTestId('chart-latest');
    await expect(throughput).toHaveText(/^now [1-9]\d*\b/);
    await expect(frame.getByTestId('run-totals')).toContainText(/Requests\s*[1-9]/);
    await docPage.screenshot({ path: `${SCREENSHOTS}/share-embed-read-only.png` });
    expect(problems.filter((p) => /storage|SecurityError|Worker|CORS|Failed to load/i.test(p))).toEqual([]);
    expect(embed).toBeTruthy();
  } finally {
    await context.close();
  }
});

test('the interactive embed fails a clicked node, in its own run only', async ({ page, browser }) => {
  const app = new SharePage(page);
  await app.open();
  await app.openShortDocument();
  const snippet = await snippetFor(app, 'Interactive');
  expect(snippet).toContain('?embed=interactive#v1.');

  const context = await browser.newContext();
  try {
    const docPage = await context.newPage();
    const problems = await host(docPage, snippet);
    const frame = docPage.frameLocator('iframe');
    // Real time: the 40 s run must still be going when Fail is clicked.
    await frame.getByRole('combobox', { name: 'Speed' }).selectOption('1');
    await frame.getByRole('button', { name: 'Play', exact: true }).click();
    await frame.getByRole('group', { name: /^Web B,/ }).click();
    const inspector = frame.getByRole('region', { name: 'Inspector' });
    await expect(inspector.getByRole('heading', { name: 'Web B' })).toBeVisible();
    await inspector.getByRole('button', { name: 'Fail', exact: true }).click();
    await expect(inspector.getByRole('button', { name: 'Recover', exact: true })).toBeVisible();
    await expect(
      frame.getByRole('region', { name: 'Error rate', exact: true }).getByTestId('chart-latest'),
    ).toHaveText(/now [1-9][\d.]* %/, { timeout: 30_000 });
    await docPage.screenshot({ path: `${SCREENSHOTS}/share-embed-interactive.png` });
    expect(problems.filter((p) => /storage|SecurityError|Worker|CORS|Failed to load/i.test(p))).toEqual([]);
  } finally {
    await context.close();
  }
});
