import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { InsightPage } from './insight-page';
import { LessonsPage } from './lessons-page';
import { NAMES } from './selectors';

/** axe's findings on the page as it is now, one line per rule broken ("[serious] color-contrast: …"). */
async function axeFindings(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations.map(
    (v) =>
      `[${v.impact ?? '?'}] ${v.id}: ${v.help} (${v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(' '))
        .join(' | ')})`,
  );
}

// axe (WCAG 2 A/AA and its best practices) on each main state of the page at a laptop size: none of its
// rules may be broken, whatever their impact.
test('the main states of the page pass axe at 1280×720', async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  const app = new LessonsPage(page);
  const findings: Record<string, string[]> = {};
  const check = async (state: string) => {
    findings[state] = await axeFindings(page);
    await app.screenshot(`a11y-${state}`);
  };

  await app.open();
  await check('first-visit');
  await app.welcome.getByRole('button', { name: 'Dismiss welcome' }).click();
  await check('seed-preset');

  await app.failServer1UntilMarkedDown();
  await app.pause();
  await check('server-1-failed');

  const insight = new InsightPage(page);
  await insight.open('Twin runs');
  await check('insight');
  await insight.open('Single points of failure');
  await check('insight-spof');
  await insight.button.click();
  await expect(insight.panel).toBeHidden();

  await app.button('Lessons').click();
  await expect(app.lessonsDialog).toBeVisible();
  await check('lessons-gallery');
  await app.lessonCard('Active-active vs active-passive').click();
  await app.expectStep(1, 4);
  await app.button(NAMES.play).click();
  await app.expectStep(2, 4);
  await app.pauseIfRunning();
  await check('lesson-in-progress');

  await app.button('Present').click();
  await expect(app.presenter).toBeVisible();
  await check('presenter');
  await page.keyboard.press('Escape');
  await expect(app.presenter).toBeHidden();

  await app.button(NAMES.share).click();
  await expect(page.getByRole('dialog', { name: /^Share/ })).toBeVisible();
  await check('share-dialog');
  await page.keyboard.press('Escape');

  await app.source.open();
  await app.source.paste('flowchart LR\n  A --> B\n  B -->> C[\n');
  await expect(app.source.error).toBeVisible();
  await check('mermaid-error');

  expect(findings).toEqual(Object.fromEntries(Object.keys(findings).map((state) => [state, []])));
});

/** The element with focus: its accessible name (roughly) and whether a focus ring shows around it. */
async function focusStop(page: Page): Promise<{ name: string; ring: boolean; tag: string }> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return { name: '', ring: true, tag: 'body' };
    // A canvas node shows its ring on its box inside (canvas.css).
    const drawn = el.classList.contains('react-flow__node') ? (el.querySelector('.arch-node') ?? el) : el;
    const style = getComputedStyle(drawn);
    const ring =
      (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) || style.boxShadow !== 'none';
    const name =
      el.getAttribute('aria-label') ??
      (el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null) ??
      el.closest('label')?.textContent ??
      el.textContent;
    return { name: name.replace(/\s+/g, ' ').trim(), ring, tag: el.tagName.toLowerCase() };
  });
}

test('every control is reached by Tab, in order, with a visible focus ring', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const app = new LessonsPage(page);
  await app.open();
  await app.welcome.getByRole('button', { name: 'Dismiss welcome' }).click();
  await app.select('Server 1');
  // From the selected node, once round the whole page.

  const stops: { name: string; ring: boolean; tag: string }[] = [];
  for (let i = 0; i < 200; i++) {
    await page.keyboard.press('Tab');
    const stop = await focusStop(page);
    // Past the last control focus leaves the page once (body), then Tab starts again at the top.
    if (stop.tag === 'body') continue;
    const first = stops[0];
    if (first && stop.name === first.name && stop.tag === first.tag) break;
    stops.push(stop);
  }
  const names = stops.map((s) => s.name);
  for (const expected of [
    'Presets',
    'Lessons',
    'Present',
    'Play',
    'Speed',
    'Reset',
    'Share',
    'Export',
    'Source ›',
    'Add service',
    'Fail',
    'Zoom In',
    'Throughput over time (arrow keys step through the seconds)',
    '+ Add step',
  ])
    expect(
      names.some((n) => n === expected || n.endsWith(` ${expected}`)),
      `"${expected}" in ${names.join(' / ')}`,
    ).toBe(true);
  expect(
    names.some((n) => n.startsWith('Server 2,')),
    'a canvas node',
  ).toBe(true);
  expect(stops.filter((s) => !s.ring).map((s) => `${s.tag} "${s.name}"`)).toEqual([]);
  expect(stops.filter((s) => s.name === '').map((s) => s.tag)).toEqual([]);
});
