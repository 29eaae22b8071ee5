import { expect, test, type Page } from '@playwright/test';
import { AppPage } from './app-page';

/** A top-to-bottom diagram whose first node, centred, would sit under the header at the top left. */
const TALL = `---
title: "A tall diagram"
---
flowchart TB
  Client --> LB["Load Balancer"]
  LB --> S1["Server 1"] & S2["Server 2"] & S3["Server 3 with a long label here"]
  S1 & S2 & S3 --> DB[("Database")]
`;

interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

const overlaps = (a: Rect, b: Rect) =>
  a.x < b.x + b.width && a.x + a.width > b.x && a.y < b.y + b.height && a.y + a.height > b.y;

/** The labels of the nodes drawn under the canvas header (the document's name and the run totals). */
async function nodesUnderHeader(page: Page): Promise<string[]> {
  const header = await page.getByRole('region', { name: 'Run totals' }).locator('..').boundingBox();
  if (!header) throw new Error('the canvas header is not drawn');
  const under: string[] = [];
  for (const node of await page.locator('.react-flow__node').all()) {
    const box = await node.boundingBox();
    if (box && overlaps(box, header)) under.push((await node.textContent()) ?? '?');
  }
  return under;
}

test('the document name heads the canvas, and the graph is fitted clear of it', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Active-Active behind a load balancer');
  await expect.poll(() => nodesUnderHeader(page)).toEqual([]);

  await app.source.open();
  await app.source.paste(TALL);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('A tall diagram');
  await app.source.leave();
  // A new diagram is laid out afresh, top to bottom: the client above the load balancer.
  const client = await app.node('Client').boundingBox();
  const balancer = await app.node('Load Balancer').boundingBox();
  expect(client && balancer && client.y + client.height <= balancer.y).toBe(true);
  await expect.poll(() => nodesUnderHeader(page)).toEqual([]);
  await app.screenshot('canvas-header-tall');

  await page.setViewportSize({ width: 1280, height: 720 });
  await expect.poll(() => nodesUnderHeader(page)).toEqual([]);
  await app.screenshot('canvas-header-tall-1280');
});
