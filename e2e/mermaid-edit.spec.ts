import { expect, type Locator, test } from '@playwright/test';
import { AppPage } from './app-page';

/** A canvas node's position in the flow (React Flow's translate, absolute), independent of zoom and pan. */
const flowPosition = (node: Locator) =>
  node.evaluate((el) => {
    const match = /translate\(\s*([-\d.]+)px\s*,\s*([-\d.]+)px\s*\)/.exec(
      (el as HTMLElement).style.transform,
    );
    return match ? { x: Math.round(Number(match[1])), y: Math.round(Number(match[2])) } : null;
  });

test('edits on the canvas show in the text, and edits of the text show on the canvas', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await app.source.open();
  await expect(app.source.text).toHaveValue(/%% @Server1 kind=service/);

  // Edit the text: add a node and an edge; the graph follows and the nodes already there stay put.
  const before = await flowPosition(app.node('Load Balancer'));
  const clientBefore = await flowPosition(app.node('Client'));
  const text = await app.source.value();
  await app.source.paste(
    text.replace('flowchart LR\n', 'flowchart LR\n  Audit["Audit Log"]\n  DB --> Audit\n'),
  );
  await expect(app.node('Audit Log')).toBeVisible();
  expect(await flowPosition(app.node('Load Balancer'))).toEqual(before);
  expect(await flowPosition(app.node('Client'))).toEqual(clientBefore);
  await app.source.leave();
  // The nodes that were there are pinned where they were; the new one is laid out by dagre.
  await expect(app.source.text).toHaveValue(/%% @LoadBalancer kind=lb pos=/);
  await expect(app.source.text).toHaveValue(/%% @Audit kind=service\n/);

  // Add from the palette (click), then rename it in the Inspector.
  await page.getByRole('button', { name: 'Add cache' }).click();
  await expect(app.node('Cache 1')).toBeVisible();
  await expect(app.source.text).toHaveValue(/Cache1\["Cache 1"\]/);
  const label = app.inspector.getByRole('textbox', { name: 'Label' });
  await label.fill('Session Store');
  await label.press('Enter');
  await expect(app.node('Session Store')).toBeVisible();
  await expect(app.source.text).toHaveValue(/Cache1\["Session Store"\]/);

  // Connect Client to the new node by dragging from handle to handle.
  const source = app.node('Audit Log').locator('.react-flow__handle.source');
  const target = app.node('Session Store').locator('.react-flow__handle.target');
  await source.hover();
  await page.mouse.down();
  const box = await target.boundingBox();
  if (!box) throw new Error('no target handle');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 8 });
  await page.mouse.up();
  await expect(app.source.text).toHaveValue(/Audit --> Cache1/);

  // Drag a node: its new position goes to the text.
  const pinned = /%% @Server2 kind=service[^\n]*pos=(-?\d+),(-?\d+)/.exec(await app.source.value());
  expect(pinned).not.toBeNull();
  const placedAt = new RegExp(`%% @Server2 kind=service[^\\n]*pos=${pinned?.[1]},${pinned?.[2]}\\n`);
  await expect(app.source.text).toHaveValue(placedAt);
  const server = app.node('Server 2');
  const at = await server.boundingBox();
  if (!at) throw new Error('no Server 2');
  await page.mouse.move(at.x + 40, at.y + 20);
  await page.mouse.down();
  await page.mouse.move(at.x + 40, at.y + 60, { steps: 6 });
  await page.mouse.up();
  await expect(app.source.text).not.toHaveValue(placedAt);

  // Delete a node with the Delete key, another with the Inspector's button.
  await app.select('Server 2');
  await page.keyboard.press('Delete');
  await expect(app.node('Server 2')).toHaveCount(0);
  await expect(app.source.text).not.toHaveValue(/Server2/);
  await app.select('Session Store');
  await app.inspector.getByRole('button', { name: 'Delete node' }).click();
  await expect(app.node('Session Store')).toHaveCount(0);
  await expect(app.source.text).not.toHaveValue(/Cache1/);
  await app.screenshot('mermaid-canvas-edits');

  // The edited graph runs.
  await app.setSpeed('10');
  await app.play();
  await expect.poll(() => app.chartLatest('Throughput')).toBeGreaterThan(0);
});

test('the panel fits and reads well at 1280×720', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const app = new AppPage(page);
  await app.open();
  await app.source.open();
  await expect(app.source.button('Download .mmd')).toBeInViewport();
  await expect(page.getByRole('button', { name: 'Add DNS' })).toBeInViewport();
  await expect(app.node('Server 1')).toBeInViewport();
  await app.screenshot('mermaid-panel-1280');
});
