import { expect, test, type Locator } from '@playwright/test';
import { TrafficPage } from './traffic-page';

/**
 * The Inspector, the canvas's context menu and the "Add step" form list the faults of one catalogue
 * (src/model/faults.ts): the same faults for a target, with the same default strengths.
 */

/** The menu items' names without their hints (an item's name is its label followed by its hint). */
async function itemLabels(menu: Locator): Promise<string[]> {
  const items = menu.getByRole('menuitem');
  await expect(items.first()).toBeVisible();
  return items.evaluateAll((nodes) => nodes.map((n) => n.firstChild?.textContent?.trim() ?? ''));
}

test('a server and a client offer the same faults and defaults in the Inspector, the menu and the timeline', async ({
  page,
}) => {
  const app = new TrafficPage(page);
  await app.open();

  // The Inspector: Fail is the main button; the other faults sit in the Faults group.
  await app.node('Server 1').click();
  const faults = app.inspector.getByRole('group', { name: 'Faults' });
  await expect(faults.getByRole('button')).toHaveText([
    'More actions ▾',
    'Hang',
    'Slow',
    'Errors',
    'Capacity',
  ]);
  await expect(faults.getByLabel('Slow factor')).toHaveValue('5');
  await expect(faults.getByLabel('Error rate')).toHaveValue('10');
  await expect(faults.getByLabel('Capacity left')).toHaveValue('50');

  // The context menu: each fault once, at the Inspector's default strength.
  await app.node('Server 1').click({ button: 'right' });
  const menu = page.getByRole('menu', { name: 'Faults of Server 1' });
  expect(await itemLabels(menu)).toEqual([
    'Fail (crash)',
    'Hang',
    'Slow ×5',
    'Errors 10%',
    'Capacity 50%',
    'Recover',
  ]);
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);

  // The timeline's "Add step" form: the same faults, the same defaults.
  await app.scenario.getByRole('button', { name: '+ Add step' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a scenario step' });
  await dialog.getByLabel('Target').selectOption({ label: 'Server 1' });
  const action = dialog.getByLabel('Action');
  await expect(action.getByRole('option')).toHaveText([
    'Fail (crash)',
    'Hang',
    'Slow ×',
    'Errors %',
    'Capacity %',
    'Recover',
  ]);
  await action.selectOption({ label: 'Capacity %' });
  await expect(dialog.getByLabel(/^Value/)).toHaveValue('50');

  // A client's load change starts at twice its rate everywhere.
  await dialog.getByLabel('Target').selectOption({ label: 'Client' });
  await action.selectOption({ label: 'Change load' });
  const offered = await dialog.getByLabel(/^Value/).inputValue();
  expect(Number(offered)).toBeGreaterThan(0);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await app.node('Client').click();
  await expect(app.inspector.getByLabel('New rate')).toHaveValue(offered);
  await app.screenshot('faults-client-inspector');
  await app.node('Client').click({ button: 'right' });
  const clientMenu = page.getByRole('menu', { name: 'Faults of Client' });
  expect(await itemLabels(clientMenu)).toContain(`Change load ${offered}/s`);

  // Choosing a menu item schedules its step, as the Inspector's button would.
  await clientMenu.getByRole('menuitem', { name: new RegExp(`^Change load ${offered}/s`) }).click();
  // The step reads as the event log does (src/model/step-text.ts): "load Client → 800 req/s".
  await expect(app.scenario).toContainText(`load Client → ${offered} req/s`);
});
