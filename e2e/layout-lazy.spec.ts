import { expect, test } from '@playwright/test';
import { ACTIVE_ACTIVE } from '../src/model/presets';
import type { ArchDocument } from '../src/model/types';
import { encodeLink, linkUrl } from '../src/share/link';
import { AppPage } from './app-page';

/**
 * The automatic layout (dagre) is a chunk of its own, fetched only when a document needs it (README
 * "Speed"). Its chunk is refused here, so what draws, draws without it.
 */
const refuseLayoutChunk = (app: AppPage) =>
  app.page.route(/\/assets\/dagre-layout-[^/]*\.js$/, (route) => route.abort());

/** The seed preset with every node at a stored position and no group frame. */
const positioned: ArchDocument = {
  ...ACTIVE_ACTIVE.document,
  name: 'Placed by hand',
  groups: [],
  nodes: ACTIVE_ACTIVE.document.nodes.map(({ group: _group, ...node }, i) => ({
    ...node,
    position: { x: 40 + 230 * i, y: 80 + (i % 2) * 140 },
  })),
};

test('a document whose nodes all have positions is drawn and runs without the automatic layout', async ({
  page,
  baseURL,
}) => {
  const app = new AppPage(page);
  await refuseLayoutChunk(app);
  await page.goto(linkUrl(`${baseURL}/`, await encodeLink(positioned)));
  for (const node of positioned.nodes) await expect(app.node(node.label)).toBeVisible();
  // Left to right as placed: each node's box starts right of the one before.
  const lefts = await Promise.all(
    positioned.nodes.map(async (n) => (await app.node(n.label).boundingBox())?.x ?? NaN),
  );
  for (let i = 1; i < lefts.length; i++) expect(lefts[i]).toBeGreaterThan(lefts[i - 1]!);
  await app.play();
  await expect(app.chart('Throughput').getByTestId('chart-latest')).toHaveText(/now [1-9]\d* ok/);
  await app.screenshot('layout-positions-only');
});

test('a node added while the layout cannot load is kept, and drawn once it can be', async ({
  page,
  baseURL,
}) => {
  const app = new AppPage(page);
  await refuseLayoutChunk(app);
  await page.goto(linkUrl(`${baseURL}/`, await encodeLink(positioned)));
  await expect(app.node('Server 1')).toBeVisible();
  // A node added without a position needs the automatic layout, whose chunk does not come.
  await page.getByRole('button', { name: 'Add cache' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'The diagram cannot be laid out' })).toContainText(
    'Your document is kept',
  );
  await app.screenshot('layout-chunk-refused');
  // The chunk arrives after a reload: the saved document, with the new node, is drawn.
  await page.unroute(/\/assets\/dagre-layout-[^/]*\.js$/);
  await page.reload();
  await expect(app.node('Cache 1')).toBeVisible();
  for (const node of positioned.nodes) await expect(app.node(node.label)).toBeVisible();
});
