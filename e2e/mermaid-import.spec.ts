import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { AppPage } from './app-page';
import { NAMES } from './selectors';

const ACTIVE_ACTIVE = readFileSync('test/corpus/seed-active-active.mmd', 'utf8');
const MESSAGE_QUEUE = readFileSync('test/corpus/seed-message-queue.mmd', 'utf8');

test('the seed diagrams pasted as they are become the graph, and run', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await app.source.open();

  await app.source.paste(ACTIVE_ACTIVE);
  for (const label of ['Client', 'Load Balancer', 'Server 1 (Active)', 'Server 2 (Active)', 'Database']) {
    await expect(app.node(label)).toBeVisible();
  }
  await expect(page.getByRole('application').getByText('Failure Scenario', { exact: true })).toBeVisible();
  // The pasted text stays as typed while the field has the focus.
  expect(await app.source.value()).toBe(ACTIVE_ACTIVE);
  // `class Server1 failed` makes Server 1 start failed.
  await expect(app.node('Server 1 (Active)')).toContainText('failed');
  await app.select('Server 1 (Active)');
  await expect(app.inspector.getByText('Failed', { exact: true })).toBeVisible();
  await expect(app.inspector.getByRole('button', { name: NAMES.recover })).toBeVisible();
  // Leaving the field shows the document's own text: the same diagram, with its parameters.
  await expect(app.source.text).toHaveValue(/class Server1 failed/);
  await expect(app.source.text).toHaveValue(/%% @Server1 kind=service/);
  await app.screenshot('mermaid-seed-active-active');

  await app.source.paste(MESSAGE_QUEUE);
  await expect(app.node('Message Queue')).toBeVisible();
  await expect(app.node('Message Queue')).toContainText('queue');
  await expect(page.getByRole('application').getByText('Failure Scenario', { exact: true })).toHaveCount(0);
  await app.select('Server 2 (Active)');
  await app.setSpeed('10');
  await app.play();
  // The run is not paused afterwards: on a busy machine it may already have reached its end.
  await expect.poll(() => app.chartLatest('Throughput')).toBeGreaterThan(0);
  await expect.poll(() => app.readout('Requests/s')).toBeGreaterThan(0);
  await app.screenshot('mermaid-seed-message-queue');
});

test('a syntax error shows at its line and column; the last good graph and the text stay', async ({
  page,
}) => {
  const app = new AppPage(page);
  await app.open();
  await app.source.open();
  await app.source.paste(ACTIVE_ACTIVE);
  await expect(app.node('Server 1 (Active)')).toBeVisible();

  const broken = ACTIVE_ACTIVE.replace('Server1["Server 1 (Active)"]', 'Server1[Server 1 (Active)]');
  await app.source.paste(broken);
  await expect(app.source.error).toContainText(/^Line 3, column \d+: /);
  await expect(app.source.error).toContainText('Hint:');
  await expect(app.source.errorLine).toHaveAttribute('data-line', '3');
  await expect(app.source.text).toHaveAttribute('aria-invalid', 'true');
  // The last good graph stays; the text is untouched, even after leaving the field.
  await expect(app.node('Server 1 (Active)')).toBeVisible();
  await app.source.leave();
  expect(await app.source.value()).toBe(broken);
  await app.screenshot('mermaid-syntax-error');

  // Another diagram type is refused by name.
  await app.source.paste('sequenceDiagram\n  Alice->>Bob: Hello\n');
  await expect(app.source.error).toContainText('only flowcharts can be imported (found: sequence)');
  await expect(app.node('Server 1 (Active)')).toBeVisible();

  // Fixing the text clears the error and the graph follows.
  await app.source.paste(ACTIVE_ACTIVE.replace('Server 2 (Active)', 'Server 2 (Standby)'));
  await expect(app.node('Server 2 (Standby)')).toBeVisible();
  await expect(app.source.error).toHaveCount(0);
});

test('open a file, drop a file, preview it with mermaid, and export round-trips through the panel', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const app = new AppPage(page);
  await app.open();
  await app.source.open();

  // Open file (.mmd).
  await page
    .getByLabel('Open a Mermaid, Markdown or JSON file')
    .setInputFiles('test/corpus/seed-message-queue.mmd');
  await expect(app.node('Message Queue')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('seed-message-queue');

  // Drop a Markdown file on the page: its mermaid block opens.
  const markdown = `# Our system\n\nSome prose.\n\n\`\`\`mermaid\n${ACTIVE_ACTIVE}\`\`\`\n`;
  await page.evaluate((md) => {
    const data = new DataTransfer();
    data.items.add(new File([md], 'architecture.md', { type: 'text/markdown' }));
    const target = document.querySelector('.canvas') ?? document.body;
    target.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: data }));
    target.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: data }));
  }, markdown);
  await expect(app.node('Server 1 (Active)')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('architecture');

  // Preview: mermaid draws the text as an SVG.
  await app.source.tab('Preview').click();
  await expect(app.source.preview.locator('svg')).toBeVisible();
  await expect(app.source.preview).toContainText('Server 1 (Active)');
  await app.screenshot('mermaid-preview');
  await app.source.tab('Mermaid').click();

  // Export: Copy, then paste the copy back: the document is the same (its export is identical).
  await app.source.button('Copy').click();
  await expect(page.getByRole('status').filter({ hasText: 'Copied' })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain('%% @Server1 kind=service');
  const download = page.waitForEvent('download');
  await app.source.button('Download .mmd').click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('architecture.mmd');
  expect(readFileSync(await file.path(), 'utf8')).toBe(copied);

  await app.source.paste(`${copied}\n`);
  await expect(app.source.error).toHaveCount(0);
  await app.source.leave();
  await expect(app.source.text).toHaveValue(copied);
  await expect(app.node('Server 1 (Active)')).toContainText('failed');
});

test('the diagram’s own edge labels and strokes are drawn on the canvas', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await app.source.open();
  await app.source.paste(
    'flowchart LR\n  Users --> LB["ALB"]\n  LB -->|round robin| A["API"]\n  LB -.->|standby| B["API backup"]\n',
  );
  await expect(app.node('API backup')).toBeVisible();
  const canvas = page.getByRole('application');
  await expect(canvas.getByText('round robin', { exact: true })).toBeVisible();
  await expect(canvas.getByText('standby', { exact: true })).toBeVisible();
  // The dotted link keeps its dashes.
  await expect(page.locator('.traffic-edge[style*="stroke-dasharray"]')).toHaveCount(1);
  await app.screenshot('mermaid-edge-labels');
});

test('another diagram pasted without a title is untitled; an edit of the same diagram keeps its name', async ({
  page,
}) => {
  const app = new AppPage(page);
  const heading = page.getByRole('heading', { level: 1 });
  await app.open();
  await expect(heading).toHaveText('Active-Active behind a load balancer');
  await app.source.open();

  await app.source.paste('flowchart LR\n  Users --> API["API"]\n  API --> Store[("Store")]\n');
  await expect(app.node('Store')).toBeVisible();
  await expect(heading).toHaveText('Untitled diagram');

  await app.source.paste(
    '---\ntitle: Checkout\n---\nflowchart LR\n  Users --> API["API"]\n  API --> Store[("Store")]\n',
  );
  await expect(heading).toHaveText('Checkout');

  // The title line removed while the diagram grows: still the same document, still its name.
  await app.source.paste(
    'flowchart LR\n  Users --> API["API"]\n  API --> Store[("Store")]\n  API --> Cache["Cache"]\n',
  );
  await expect(app.node('Cache')).toBeVisible();
  await expect(heading).toHaveText('Checkout');
});
