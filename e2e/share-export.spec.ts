import { expect, test } from '@playwright/test';
import { documentFromJson } from '../src/share/document-json';
import { SharePage, downloadedBytes, downloadedText } from './share-page';

/** Longer than the 600 s the charts keep in memory: the export must still hold every second. */
const LONG_MERMAID = `flowchart LR
  C["Client"] --> S["Solo Service"]
%% @C kind=client rate=20/s
%% @sim seed=3 duration=700s
`;

test('exports the document, the canvas and every second of the run, and imports them back', async ({
  page,
}) => {
  const app = new SharePage(page);
  await app.open();
  await app.importFile('long-run.mmd', LONG_MERMAID);
  await expect(app.node('Solo Service')).toBeVisible();

  // Before any run there are no metrics to export.
  await app.page.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(app.page.getByRole('menuitem', { name: 'Metrics CSV (.csv)' })).toBeDisabled();
  await app.screenshot('share-export-menu');
  await app.page.keyboard.press('Escape');

  const mermaid = await downloadedText(await app.menu('Export', 'Mermaid (.mmd)', true));
  expect(mermaid).toContain('S["Solo Service"]');
  expect(mermaid).toMatch(/%% @sim .*duration=700s/);

  const json = await app.menu('Export', 'JSON (.json)', true);
  expect(json.suggestedFilename()).toBe('long-run.json');
  const read = documentFromJson(await downloadedText(json));
  expect(read.ok && read.document.nodes.map((n) => n.label)).toEqual(['Client', 'Solo Service']);

  const png = await downloadedBytes(await app.menu('Export', 'PNG image (.png)', true));
  expect([...png.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  expect(png.length).toBeGreaterThan(5000);
  const svg = await downloadedText(await app.menu('Export', 'SVG image (.svg)', true));
  expect(svg).toMatch(/^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  expect(svg).toContain('Solo Service');

  await app.runToEnd(700);
  const requests = await app.total('Requests');
  const csv = (await downloadedText(await app.menu('Export', 'Metrics CSV (.csv)', true)))
    .trimEnd()
    .split('\n');
  expect(csv[0]).toMatch(
    /^t,requests,attempts,ok,failed,error_rate,mean_ms,p50_ms,p95_ms,p99_ms,C\.arrivals,/,
  );
  // Wasted work and shedding per node follow the contract's columns (README "Metastable failures").
  expect(csv[0]).toMatch(/,wasted,C\.wasted,C\.shed,/);
  expect(csv).toHaveLength(1 + 700);
  expect(csv[1]).toMatch(/^0,/);
  expect(csv[700]).toMatch(/^699,/);
  const metrics = JSON.parse(
    await downloadedText(await app.menu('Export', 'Metrics JSON (.json)', true)),
  ) as {
    seed: number;
    totals: { requests: number };
    series: { t: number; requests: number; nodes: Record<string, { shed?: number }> }[];
  };
  expect(metrics.seed).toBe(3);
  expect(metrics.series).toHaveLength(700);
  expect(Object.values(metrics.series[0]?.nodes ?? {}).every((n) => typeof n.shed === 'number')).toBe(true);
  expect(metrics.totals.requests).toBe(requests);
  // Every request of the run is in some second of the series: nothing was dropped.
  expect(metrics.series.reduce((sum, row) => sum + row.requests, 0)).toBe(requests);

  // A damaged file is refused with its line and column; the document stays.
  await app.importFile('broken.json', '{\n  "name": "x",\n  oops\n}');
  await expect(app.page.getByText(/broken\.json was not opened: line 3, column \d+/)).toBeVisible();
  await expect(app.node('Solo Service')).toBeVisible();
  await app.screenshot('share-import-error');
});
