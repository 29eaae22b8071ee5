import { expect, test, type Page } from '@playwright/test';
import { AppPage } from './app-page';
import { NAMES } from './selectors';

/**
 * The simulation worker's watchdog (README "Speed"). The faults are injected from outside the app:
 * the test serves the first copy of the built worker script with a few lines added that throw, or
 * loop for ever, when the worker is told to play; later copies (the replacement worker) are served as
 * built. Nothing of this is in the product.
 */
const FAULTS = {
  throws: "throw new Error('injected engine fault');",
  hangs: 'for (;;) {}',
} as const;

async function breakFirstWorker(page: Page, fault: keyof typeof FAULTS): Promise<{ served: () => number }> {
  let served = 0;
  await page.route(/\/assets\/sim\.worker-[^/]+\.js$/, async (route) => {
    served += 1;
    const response = await route.fetch();
    const body = await response.text();
    const patch =
      served > 1
        ? ''
        : `\n{ const real = self.onmessage; self.onmessage = (m) => { if (m.data?.type === 'play') { ${FAULTS[fault]} } real(m); }; }\n`;
    await route.fulfill({ response, body: body + patch });
  });
  return { served: () => served };
}

for (const fault of ['throws', 'hangs'] as const) {
  test(`a worker that ${fault} shows "Simulation failed" with the reason, is replaced, and the document stays`, async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const worker = await breakFirstWorker(page, fault);
    const app = new AppPage(page);
    await app.open();

    // An edit the replacement must keep: Server 1 gets 10 workers.
    await app.select('Server 1');
    const workers = app.inspector.getByLabel('Workers', { exact: true });
    await workers.fill('10');
    await workers.press('Enter');
    await expect(workers).toHaveValue('10');

    await app.button(NAMES.play).click();
    const failure = page.getByRole('status').filter({ hasText: 'Simulation failed' });
    const reason = fault === 'throws' ? 'injected engine fault' : /stopped answering \(no reply for \d+ s\)/;
    await expect(failure).toContainText(reason, { timeout: 30_000 });
    await expect(failure).toContainText('press Play to run it again');
    await expect(app.button(NAMES.play)).toBeVisible();
    await app.screenshot(`sim-watchdog-${fault}`);
    expect(worker.served()).toBe(2);

    // The document is kept, edit included, and the new worker runs it.
    await expect(app.node('Server 1')).toBeVisible();
    await app.select('Server 1');
    await expect(app.inspector.getByLabel('Workers', { exact: true })).toHaveValue('10');
    await app.setSpeed('100');
    await app.play();
    await expect.poll(() => app.clockSec()).toBeGreaterThan(5);
    expect(await app.total('Requests')).toBeGreaterThan(0);
    await expect(failure).toHaveCount(0);
  });
}
