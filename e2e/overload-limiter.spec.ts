import { expect, test } from '@playwright/test';
import { StatePage } from './state-page';

/**
 * A limiter's bar and readout show how much of its limit is used (README "Limiter"): a token bucket
 * offered three times its rate runs at about 100%, a concurrency limit at requests in flight / limit.
 */
const LIMITERS = `flowchart LR
  CA["Client A"] --> RL["Rate limiter"] --> SA["Server A"]
  CB["Client B"] --> CL["Concurrency limiter"] --> SB["Server B"]
%% @CA kind=client rate=300/s
%% @RL kind=limiter limit=100/s
%% @SA kind=service workers=8 service=exp(10ms)
%% @CB kind=client rate=1000/s arrival=constant
%% @CL kind=limiter limit=50
%% @SB kind=service workers=64 service=const(20ms)
%% @sim duration=60s
`;

test('a rate limiter shows passes per second against its rate, a concurrency limiter in flight against its limit', async ({
  page,
}) => {
  const app = new StatePage(page);
  await app.open();
  await app.source.open();
  await app.source.paste(LIMITERS);
  await expect(app.node('Concurrency limiter')).toBeVisible();
  await app.runPast(5);

  await app.select('Rate limiter');
  // 300/s offered to 100/s: each second the bucket's 100 tokens are all used.
  const rate = await app.readout('Utilization');
  expect(rate).toBeGreaterThanOrEqual(98);
  expect(rate).toBeLessThanOrEqual(100);
  await expect(app.node('Rate limiter').getByTitle(/^Share of the limit used/)).toContainText(/^(99|100) %$/);

  await app.select('Concurrency limiter');
  // 1000/s evenly spaced, each in flight for 20 ms: 20 of the 50 places are taken.
  const concurrency = await app.readout('Utilization');
  expect(concurrency).toBeGreaterThanOrEqual(39);
  expect(concurrency).toBeLessThanOrEqual(41);
  await expect(app.node('Concurrency limiter').getByTitle(/^Share of the limit used/)).toContainText('40 %');
  await expect(page.getByText('NaN')).toHaveCount(0);
  await app.screenshot('limiter-utilization');
});
