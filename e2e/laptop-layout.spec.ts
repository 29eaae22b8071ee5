import { expect, test, type Page } from '@playwright/test';
import { boxOf, describeBoxes, inside, overlaps, type Box } from './geometry';
import { LessonsPage } from './lessons-page';
import { NAMES } from './selectors';

/** The window sizes of the laptops people present from and work on. */
const LAPTOPS = [
  { width: 1280, height: 720 },
  { width: 1366, height: 768 },
  { width: 1440, height: 900 },
] as const;

/** The seed preset's nodes, by label. */
const NODES = ['Client', 'Load Balancer', 'Server 1', 'Server 2', 'Database'] as const;

/**
 * What covers a node of the graph, or lies outside the canvas: empty when every node is whole, in the
 * canvas and clear of `overlays` (by name) and of the zoom buttons.
 */
async function coveredNodes(
  app: LessonsPage,
  overlays: Record<string, Box>,
  nodes: readonly string[] = NODES,
): Promise<string[]> {
  const canvas = await boxOf(app.page.getByRole('region', { name: 'Canvas', exact: true }));
  const zoom = await boxOf(app.page.getByRole('button', { name: 'Zoom In' }));
  const fit = await boxOf(app.page.getByRole('button', { name: 'Fit View' }));
  overlays = { ...overlays, 'zoom buttons': { ...zoom, height: fit.y + fit.height - zoom.y } };
  const problems: string[] = [];
  for (const label of nodes) {
    const node = await boxOf(app.node(label));
    if (!inside(node, canvas))
      problems.push(`${label} outside the canvas (${describeBoxes({ node, canvas })})`);
    for (const [name, box] of Object.entries(overlays))
      if (overlaps(node, box))
        problems.push(`${label} under ${name} (${describeBoxes({ node, [name]: box })})`);
  }
  return problems;
}

const runTotals = (page: Page) => page.getByRole('region', { name: NAMES.runTotals });

for (const size of LAPTOPS) {
  test(`presenting at ${size.width}×${size.height}: the caption and the run totals cover no node`, async ({
    page,
  }) => {
    await page.setViewportSize(size);
    const app = new LessonsPage(page);
    await app.open();
    await app.select('Server 1');
    await app.button('Present').click();
    await expect(app.presenter).toBeVisible();
    // Fail Server 1 while the run plays at 10×: the fault's caption comes up in large type.
    await page.keyboard.press('2');
    await page.keyboard.press(' ');
    await page.keyboard.press('f');
    await expect(app.inspector.getByRole('button', { name: NAMES.recover })).toBeVisible();
    await page.keyboard.press(' ');
    const caption = page.getByRole('status').filter({ hasText: /^Server 1 failed$/ });
    await expect(caption).toBeVisible();
    // The graph is fitted when the canvas settles (a frame after presenting starts): wait for it.
    await expect
      .poll(async () =>
        coveredNodes(app, { caption: await boxOf(caption), 'run totals': await boxOf(runTotals(page)) }),
      )
      .toEqual([]);
    // Readable, not a thumbnail: the graph keeps some height between the run totals and the caption.
    const server = await boxOf(app.node('Server 1'));
    expect(server.height).toBeGreaterThan(28);
    // The top bar's controls all stay on the screen.
    const exportButton = await boxOf(app.button('Export'));
    expect(exportButton.x + exportButton.width).toBeLessThanOrEqual(size.width);
    await app.screenshot(`laptop-${size.width}-presenter-caption`);
  });
}

/** The boxes of one chart's drawing, read in the page in one go: plot area, surface, labels, ticks, lines. */
function chartDrawing(chart: Element, labelTexts: string[]) {
  const box = (el: Element) => {
    const r = el.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  };
  const one = (selector: string) => {
    const el = chart.querySelector(selector);
    if (!el) throw new Error(`no ${selector} in the chart`);
    return box(el);
  };
  const texts = [...chart.querySelectorAll('text, tspan')];
  return {
    plot: one('.recharts-cartesian-grid'),
    surface: one('svg.recharts-surface'),
    labels: Object.fromEntries(
      labelTexts.map((text) => {
        const el = texts.find((t) => t.textContent === text);
        return [text, el ? box(el) : null];
      }),
    ),
    ticks: [...chart.querySelectorAll('.recharts-cartesian-axis-tick-value')].map(box),
    curves: [...chart.querySelectorAll('.recharts-line-curve')].map(box).filter((b) => b.height > 0),
  };
}

test('at 1280×720 the chart marker labels sit above the plot, clear of its lines', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const app = new LessonsPage(page);
  await app.open();
  await app.failServer1UntilMarkedDown();
  await expect.poll(() => app.clockSec()).toBeGreaterThan((await app.eventTime('marked Server 1 down')) + 3);
  await app.pause();
  for (const name of ['Throughput', 'Latency', 'Error rate'] as const) {
    // Measured in one task: a paused chart may still take in its last batch, and boxes read across
    // that redraw would compare one drawing's grid with the next one's lines.
    const drawing = await app.chart(name).evaluate(chartDrawing, ['Server 1 failed', 'Server 1 marked down']);
    const { plot, surface } = drawing;
    for (const [text, label] of Object.entries(drawing.labels)) {
      // Above the plot area (where the lines are drawn), and inside the chart's drawing.
      expect(label, `${name}: "${text}" is drawn`).not.toBeNull();
      if (!label) continue;
      expect(
        label.y + label.height,
        `${name}: "${text}" ${describeBoxes({ label, plot })}`,
      ).toBeLessThanOrEqual(plot.y + 0.5);
      expect(label.y, `${name}: "${text}" ${describeBoxes({ label, surface })}`).toBeGreaterThanOrEqual(
        surface.y,
      );
    }
    // The y axis's labels (those left of the plot) stand apart, however low the plot is.
    const yTicks = drawing.ticks.filter((tick) => tick.x + tick.width <= plot.x + 1);
    expect(yTicks.length, `${name}: y ticks`).toBeGreaterThanOrEqual(2);
    yTicks.forEach((a, i) =>
      yTicks.slice(0, i).forEach((b) => {
        expect(overlaps(a, b), `${name}: y ticks ${describeBoxes({ a, b })}`).toBe(false);
      }),
    );
    // Every line lies in the plot area, under the labels.
    for (const curve of drawing.curves) expect(curve.y).toBeGreaterThanOrEqual(plot.y - 1);
  }
  await app.screenshot('laptop-1280-chart-markers');
});

test('at 1280×720 a lesson with a long summary leaves the canvas its room', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const app = new LessonsPage(page);
  await app.open();
  await app.button('Lessons').click();
  await app.lessonCard('A GC-style death spiral').click();
  await expect(app.progress).toHaveText(/^Step 1 of \d+$/);
  const summaryButton = app.lessonSteps.getByRole('button', { name: 'Summary' });
  const summary = app.lessonSteps.getByText(/^The API has 16 workers/);
  // At step 1 the summary introduces the lesson; the panel stays within a third of the screen.
  await expect(summaryButton).toHaveAttribute('aria-expanded', 'true');
  await expect(summary).toBeVisible();
  expect((await boxOf(app.lessonSteps)).height).toBeLessThanOrEqual(720 * 0.34 + 1);
  await expect
    .poll(async () =>
      coveredNodes(app, { 'run totals': await boxOf(runTotals(page)) }, [
        'Client',
        'Admission limiter',
        'API',
      ]),
    )
    .toEqual([]);
  await app.screenshot('laptop-1280-lesson-summary');

  // Once the steps begin it folds to its button, and opens again on request.
  await app.button(NAMES.play).click();
  await expect(summaryButton).toHaveAttribute('aria-expanded', 'false');
  await expect(summary).toBeHidden();
  await app.pauseIfRunning();
  const canvas = await boxOf(page.getByRole('region', { name: 'Canvas', exact: true }));
  expect(canvas.height).toBeGreaterThan(260);
  await summaryButton.click();
  await expect(summary).toBeVisible();
  await summaryButton.press('Enter');
  await expect(summary).toBeHidden();
  await app.screenshot('laptop-1280-lesson-running');
});
