import { expect, test } from '@playwright/test';
import { TrafficPage } from './traffic-page';

test('an edge is selectable, shows its parameters and traffic, and a partition drops requests', async ({
  page,
}) => {
  const app = new TrafficPage(page);
  await app.open();

  // Lost requests are reported after a 3 s connect timeout: let the client wait longer than that.
  await app.select('Client');
  await app.setParam('Timeout', '5s', 'Retries & timeouts');

  await app.selectEdge('Load Balancer', 'Server 1');
  for (const label of ['Latency (one way)', 'Weight', 'Backup', 'Loss'])
    await expect(app.inspector.getByLabel(label, { exact: true })).toBeVisible();
  await expect(app.inspector.getByLabel('Loss', { exact: true })).toHaveAttribute(
    'placeholder',
    '0 (default)',
  );

  // An invalid value is refused inline, like any parameter.
  const loss = app.inspector.getByLabel('Loss', { exact: true });
  await loss.fill('150%');
  await expect(app.inspector.getByRole('alert')).toContainText('between 0 and 1');
  await loss.press('Escape');

  await app.setSpeed('10');
  await app.play();
  await expect.poll(() => app.readout('Requests/s')).toBeGreaterThan(150);
  expect(await app.errorsByCause('dropped')).toBe(0);
  // Faults can be injected while paused: they happen at the current simulated time.
  await app.pause();
  await app.fault('Partition').click();
  await expect(app.scenario).toContainText('partition Load Balancer → Server 1');
  await app.play();
  await expect(app.eventLog).toContainText('Load Balancer → Server 1 partitioned');
  await expect.poll(() => app.errorsByCause('dropped'), { timeout: 30_000 }).toBeGreaterThan(0);
  // The load balancer's health checks cannot cross the cut either: it routes around Server 1.
  await expect(app.eventLog).toContainText('Load Balancer marked Server 1 down');
  await app.pause();
  await app.screenshot('traffic-edge-partition');

  // The context menu (right-click) offers the same faults; Escape closes it.
  await app.edge('Load Balancer', 'Server 1').click({ button: 'right' });
  const menu = page.getByRole('menu', { name: 'Faults of Load Balancer → Server 1' });
  await expect(menu.getByRole('menuitem', { name: /^Recover/ })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);

  // Keyboard path: "More actions" in the Inspector opens the menu with focus on its first item.
  await app.inspector.getByRole('button', { name: 'More actions' }).click();
  await expect(menu.getByRole('menuitem').first()).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(menu.getByRole('menuitem', { name: /^Recover/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(app.scenario).toContainText('recover Load Balancer → Server 1');
});
