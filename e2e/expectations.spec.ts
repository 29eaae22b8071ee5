import { expect, test } from '@playwright/test';
import { InsightPage } from './insight-page';
import { SharePage } from './share-page';

/** The short document (40 s, Web A fails at 10 s) with two expectations of its own. */
const EXPECTING = `flowchart LR
  C["Client"] --> LB["Front LB"]
  LB --> A["Web A"] & B["Web B"]
  A & B --> DB[("Store DB")]
%% @C kind=client rate=200/s
%% @sim seed=7 duration=40s
%% @at 10s fail A
%% @expect writes_lost == 0
%% @expect availability >= 99.99% at 95%
`;

test('Expectations: add with a located error, live pass/fail, carried in share links', async ({
  page,
  browser,
}) => {
  const app = new SharePage(page);
  await app.open();
  await app.importFile('expecting.mmd', EXPECTING);
  await expect(app.node('Web A')).toBeVisible();

  const button = page.getByRole('button', { name: /^Expectations/ });
  await expect(button).toContainText('0/2');
  await button.click();
  const dialog = page.getByRole('dialog', { name: 'Expectations' });
  const list = dialog.getByRole('list', { name: 'Expectations list' });
  await expect(list.getByRole('listitem')).toHaveCount(2);
  // Before the run nothing is measured; the bound waits for seeds.
  await expect(list.getByRole('listitem').nth(0)).toContainText('press Play to measure');
  await expect(list.getByRole('listitem').nth(1)).toContainText('a 95% bound: checked by Run 30 seeds');

  const box = dialog.getByRole('textbox', { name: 'New expectation' });
  await box.fill('p99 <= soon');
  await dialog.getByRole('button', { name: 'Add' }).click();
  await expect(dialog.getByRole('alert')).toHaveText(
    'At character 8: p99: "soon" is not a duration (examples: 250ms, 2s, 1.5m)',
  );
  await expect(box).toHaveValue('p99 <= soon');
  await box.fill('Nope.utilization < 80%');
  await dialog.getByRole('button', { name: 'Add' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('node "Nope" does not exist');
  await box.fill('availability >= 99.9% during 0s..10s');
  await dialog.getByRole('button', { name: 'Add' }).click();
  await box.fill('availability >= 99.9%');
  await dialog.getByRole('button', { name: 'Add' }).click();
  await expect(list.getByRole('listitem')).toHaveCount(4);
  await expect(box).toHaveValue('');
  await dialog.getByRole('button', { name: 'Delete expectation availability >= 99.99% at 95%' }).click();
  await expect(list.getByRole('listitem')).toHaveCount(3);
  await dialog.getByRole('button', { name: 'Close expectations' }).click();

  await app.runToEnd(40);
  await expect(button).toContainText('2/3');
  await button.click();
  const items = list.getByRole('listitem');
  await expect(items.nth(0)).toContainText(/^pass\s*writes_lost == 0\s*0/);
  await expect(items.nth(1)).toContainText(/^pass\s*availability >= 99.9% during 0s..10s\s*100%/);
  // Web A's crash costs the detection window's requests.
  await expect(items.nth(2)).toContainText(/^fail\s*availability >= 99.9%\s*9\d\.\d+%/);
  await app.screenshot('expectations-dialog');
  await dialog.getByRole('button', { name: 'Close expectations' }).click();

  // A share link carries them to a fresh browser.
  const url = await app.shareLink();
  await app.shareDialog.getByRole('button', { name: 'Close share' }).click();
  const context = await browser.newContext();
  try {
    const other = await context.newPage();
    await other.goto(url);
    await other.getByRole('button', { name: /^Expectations/ }).click();
    await expect(
      other
        .getByRole('dialog', { name: 'Expectations' })
        .getByRole('listitem')
        .filter({ hasText: 'during 0s..10s' }),
    ).toHaveCount(1);
    await expect(other.getByRole('dialog', { name: 'Expectations' }).getByRole('listitem')).toHaveCount(3);
  } finally {
    await context.close();
  }
});

test('Run 30 seeds: progress and Cancel, totals as mean ± interval, charts with a band, expectations on the bound', async ({
  page,
}) => {
  const app = new SharePage(page);
  const insight = new InsightPage(page);
  await app.open();
  await app.importFile('expecting.mmd', EXPECTING);
  await expect(app.node('Web A')).toBeVisible();
  await insight.open('Seeds');
  const run = insight.panel.getByRole('button', { name: 'Run 30 seeds' });

  await run.click();
  const progress = insight.panel.getByRole('progressbar', { name: 'Seeds' });
  await expect(progress).toBeVisible();
  await insight.panel.getByRole('button', { name: 'Cancel' }).click();
  await expect(progress).toBeHidden();
  await expect(insight.panel.getByRole('table')).toHaveCount(0);
  await expect(run).toBeEnabled();

  await run.click();
  const table = insight.panel.getByRole('table', { name: 'Totals over 30 seeds' });
  await expect(table).toBeVisible({ timeout: 120_000 });
  await expect(
    table.getByRole('row', { name: /^Availability 9\d\.\d+% ± [\d.]+% 9\d\.\d+% – 9\d\.\d+%$/ }),
  ).toBeVisible();
  await expect(table.getByRole('row', { name: /^Writes lost 0 ± 0 0 – 0$/ })).toBeVisible();
  const verdicts = insight.panel.getByRole('list', { name: 'Expectations over 30 seeds' });
  await expect(verdicts.getByRole('listitem').nth(0)).toContainText('pass');
  await expect(verdicts.getByRole('listitem').nth(1)).toContainText(
    /fail.*mean of 30 runs, 95% CI .*lower bound checked/,
  );
  for (const name of ['Seeds throughput', 'Seeds latency p99', 'Seeds error rate']) {
    const chart = insight.panel.getByRole('region', { name });
    await expect(chart).toBeVisible();
    // The band is an area path; the mean is a line over it.
    await expect(chart.locator('.recharts-area-area')).toHaveCount(1);
    await expect(chart.locator('.recharts-line-curve')).toHaveCount(1);
  }
  await app.screenshot('seeds-30');
  await insight.panel.getByRole('region', { name: 'Seeds error rate' }).scrollIntoViewIfNeeded();
  await app.screenshot('seeds-30-charts');
});

test('Twin runs over 30 paired seeds say whether B − A is significant', async ({ page }) => {
  const app = new SharePage(page);
  const insight = new InsightPage(page);
  await app.open();
  await app.openShortDocument();
  await insight.open('Twin runs');
  await insight.panel.getByRole('checkbox', { name: 'Client: retry once' }).check();
  await insight.panel.getByRole('button', { name: 'Run 30 paired seeds' }).click();
  const table = insight.panel.getByRole('table', { name: 'A and B over 30 paired seeds' });
  await expect(table).toBeVisible({ timeout: 120_000 });
  // One retry hides most of the detection window's errors, on every seed.
  await expect(
    table.getByRole('row', { name: /^Failed requests .* −[\d.]+ \(.*\) significant \(p [<=] / }),
  ).toBeVisible();
  await expect(
    table.getByRole('row', { name: /^Writes lost 0 ± 0 0 ± 0 ±0 \(±0 to ±0\) not significant$/ }),
  ).toBeVisible();
  await app.screenshot('twin-paired-seeds');
});
