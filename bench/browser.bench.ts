/**
 * `npm run bench:browser`: the page's budgets in real Chromium (README "Speed"), not part of `npm test`.
 *
 * 1. The seed preset at speed Max (its run made a day long, so it does not end while measured): frames
 *    per second on the main thread (requestAnimationFrame count), the longest main-thread task
 *    (PerformanceObserver "longtask", wall time) and the tasks over 50 ms, the same by CPU time (a
 *    trace: on a shared machine wall time includes waiting for a core), and simulated requests per
 *    wall second in the worker.
 * 2. A 200-node document: import (Export ▸ Import file), layout and first draw, then panning the canvas
 *    while it runs: frames per second.
 * 3. The JS heap (after garbage collection) before and after N minutes at Max (default 5; the run is
 *    reset and played again whenever it reaches its end).
 *
 * Options: `--minutes N` (heap soak length), `--no-build` (reuse the last build), `--out-dir D` (where
 * the page is built, default dist-bench), `--only max|nodes|heap` (one part), `--profile DIR` (a CPU
 * profile of the main thread at Max, bench/cpu-profile.ts), `--port P` (default
 * E2E_PORT or 4180). Budgets: ≥ 50 fps and no task over 50 ms at Max; ≥ 40 fps panning 200 nodes;
 * heap growth ≤ 50 MB. The process exits with 1 when one is missed. Figures depend on the machine:
 * a software-rendered Chromium on two shared cores draws fewer frames than a laptop.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ACTIVE_ACTIVE } from '../src/model/presets';
import { encodeLink, linkUrl } from '../src/share/link';
import { profileMainThread } from './cpu-profile';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const MINUTES = Number(option('minutes') ?? 5);
/** `--only max|nodes|heap`: one part of the bench, for iterating on it. */
const ONLY = option('only');
const runs = (part: 'max' | 'nodes' | 'heap') => ONLY === undefined || ONLY === part;
const PORT = Number(option('port') ?? process.env['E2E_PORT'] ?? 4180);
const OUT_DIR = option('out-dir') ?? 'dist-bench';
/** `--profile DIR`: a CPU profile of 10 s at Max, from an unminified build (bench/cpu-profile.ts). */
const PROFILE_DIR = option('profile');
/** Where the screenshots of the charts at Max go (kept, like the browser tests'). */
const SCREENSHOTS = 'test-results/screenshots';
const BASE = `http://127.0.0.1:${PORT}/`;
const CHROMIUM =
  process.env['CHROMIUM_PATH'] ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

const BUDGET = { maxFps: 50, longTaskMs: 50, panFps: 40, heapGrowthMb: 50 };

/** Counters the page keeps for the bench: frames drawn and main-thread tasks over 50 ms. */
declare global {
  interface Window {
    __bench: { frames: number; longTasks: number[] };
  }
}

/**
 * The counters, as page script text: a function passed from here would carry the helpers tsx adds
 * to named functions (`__name`), which do not exist in the page.
 */
const INSTALL_COUNTERS = `
  window.__bench = { frames: 0, longTasks: [] };
  const countFrame = () => { window.__bench.frames += 1; requestAnimationFrame(countFrame); };
  requestAnimationFrame(countFrame);
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__bench.longTasks.push(entry.duration);
  }).observe({ type: 'longtask' });
`;

/**
 * How far the charts trail the clock, as page script text: every frame for `ms`, the clock's simulated
 * time less the lowest of the charts' last time-axis ticks ("4620 s"; the plots take turns, so the one
 * drawn last). Ticks fall on multiples of 20 s, so plots drawn up to the clock's second read 0–20 s
 * behind: what counts is the lag beyond that, in simulated seconds, for each frame. And for each change
 * of the clock, the frames until the charts showed its moment (cut short by the clock's next change).
 */
const CHART_LAG_PROBE = (ms: number) => `new Promise((resolve) => {
  const clock = () => Number((/t = ([\\d.,]+) s/.exec(document.querySelector('[data-testid="clock"]')?.textContent ?? '')?.[1] ?? '0').replaceAll(',', ''));
  const plotEnd = () => Math.min(...[...document.querySelectorAll('.chart')].map((chart) =>
    Math.max(0, ...[...chart.querySelectorAll('.recharts-cartesian-axis-tick-value')]
      .map((tick) => Number(/^(\\d+) s$/.exec(tick.textContent ?? '')?.[1] ?? 0)))));
  const lags = [];
  const catchUps = [];
  let lastClock = clock();
  let behind = null;
  const began = performance.now();
  const frame = () => {
    const now = clock();
    const lag = Math.max(0, now - plotEnd() - 21);
    lags.push(lag);
    if (now !== lastClock) { if (behind !== null) catchUps.push(behind); behind = 0; lastClock = now; }
    if (behind !== null) { if (lag === 0) { catchUps.push(behind); behind = null; } else behind += 1; }
    if (performance.now() - began < ${ms}) requestAnimationFrame(frame); else resolve({ lags, catchUps });
  };
  requestAnimationFrame(frame);
})`;

interface Measured {
  readonly fps: number;
  readonly longestTaskMs: number;
  readonly tasksOver50: number;
  readonly wallSec: number;
}

/** Counts frames and long tasks while `during` runs (or for `ms`). */
async function measure(page: Page, during: number | (() => Promise<void>)): Promise<Measured> {
  await page.evaluate(() => {
    window.__bench.frames = 0;
    window.__bench.longTasks = [];
  });
  const began = Date.now();
  if (typeof during === 'number') await page.waitForTimeout(during);
  else await during();
  const wallSec = (Date.now() - began) / 1000;
  const { frames, longTasks } = await page.evaluate(() => window.__bench);
  return {
    fps: frames / wallSec,
    longestTaskMs: Math.max(0, ...longTasks),
    tasksOver50: longTasks.filter((d) => d > 50).length,
    wallSec,
  };
}

/** A complete event of a Chromium trace: `dur` is wall time, `tdur` the thread's CPU time (µs). */
interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly ts: number;
  readonly pid: number;
  readonly tid: number;
  readonly dur?: number;
  readonly tdur?: number;
  readonly args?: { readonly name?: string };
}

/**
 * The page's main-thread tasks while `during` runs, by the CPU time each took (a Chromium trace's
 * thread duration). On a shared machine a task's wall time (what "longtask" reports) includes the
 * time its thread waited for a core; its CPU time is what the page's own code costs.
 */
async function mainThreadCpu(browser: Browser, page: Page, during: () => Promise<void>) {
  await browser.startTracing(page, { categories: ['toplevel'] });
  await during();
  const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as {
    traceEvents: TraceEvent[];
  };
  const main = trace.traceEvents.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  let outerEnd = -Infinity;
  const cpuMs = trace.traceEvents
    .filter(
      (e) =>
        main !== undefined &&
        e.pid === main.pid &&
        e.tid === main.tid &&
        e.ph === 'X' &&
        (e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask'),
    )
    // A task's event may hold a nested one of the other name: count the outermost only.
    .sort((a, b) => a.ts - b.ts)
    .filter((e) => {
      const inside = e.ts + (e.dur ?? 0) <= outerEnd;
      if (!inside) outerEnd = e.ts + (e.dur ?? 0);
      return !inside;
    })
    .map((e) => (e.tdur ?? 0) / 1000);
  return {
    longestCpuMs: Math.max(0, ...cpuMs),
    cpuOver50: cpuMs.filter((ms) => ms > 50).length,
    totalCpuMs: cpuMs.reduce((sum, ms) => sum + ms, 0),
  };
}

const requests = async (page: Page): Promise<number> => {
  const text =
    (await page
      .getByTestId('run-totals')
      .getByText('Requests', { exact: true })
      .locator('..')
      .textContent()) ?? '';
  return Number((/([\d,]+)\s*$/.exec(text.trim())?.[1] ?? '0').replaceAll(',', ''));
};
const clockSec = async (page: Page): Promise<number> =>
  Number(
    /t = ([\d.,]+) s/.exec((await page.getByTestId('clock').textContent()) ?? '')?.[1]?.replaceAll(',', '') ??
      0,
  );

/** The heap in use after a full garbage collection, in MB. */
async function heapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  return usedSize / 1024 / 1024;
}

async function setSpeed(page: Page, speed: string): Promise<void> {
  await page.getByRole('combobox', { name: 'Speed' }).selectOption(speed);
}

async function play(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await page.getByRole('button', { name: 'Pause', exact: true }).waitFor();
}

/** The seed preset with a day-long run, opened from a share link (no welcome, no stored document). */
async function openLongSeed(page: Page): Promise<void> {
  const doc = { ...ACTIVE_ACTIVE.document, sim: { ...ACTIVE_ACTIVE.document.sim, durationSec: 86_400 } };
  // A fresh page load: going to the same address with another fragment would not reload it.
  await page.goto('about:blank');
  await page.goto(linkUrl(BASE, await encodeLink(doc)));
  await page.getByRole('group', { name: /^Server 1,/ }).waitFor();
}

/** A valid 200-node diagram: a client and a load balancer before 66 chains of service → service → database. */
function twoHundredNodes(): string {
  const lines = [
    '---',
    'title: "Two hundred nodes"',
    '---',
    'flowchart LR',
    '  Client["Client"] --> LB["Load Balancer"]',
  ];
  const notes = ['%% @Client kind=client rate=400/s timeout=2s', '%% @LB kind=lb policy=round-robin'];
  for (let i = 1; i <= 66; i++) {
    lines.push(
      `  LB --> A${i}["Front ${i}"]`,
      `  A${i} --> B${i}["Back ${i}"]`,
      `  B${i} --> D${i}[("Store ${i}")]`,
    );
    notes.push(
      `%% @A${i} kind=service workers=4 service=exp(5ms)`,
      `%% @B${i} kind=service workers=4 service=exp(5ms)`,
      `%% @D${i} kind=database workers=8 service=exp(2ms)`,
    );
  }
  return `${[...lines, ...notes].join('\n')}\n`;
}

/** Drags the canvas around for `ms` of wall time. */
async function pan(page: Page, ms: number): Promise<void> {
  const box = await page.locator('.react-flow__pane').boundingBox();
  if (!box) throw new Error('no canvas pane');
  const x0 = box.x + box.width / 2;
  const y0 = box.y + box.height - 30;
  await page.mouse.move(x0, y0);
  await page.mouse.down();
  const began = Date.now();
  for (let i = 0; Date.now() - began < ms; i++) {
    const angle = i / 15;
    await page.mouse.move(x0 + Math.cos(angle) * 200, y0 - 100 + Math.sin(angle) * 80, { steps: 2 });
  }
  await page.mouse.up();
}

function startServer(): ChildProcess {
  if (!args.includes('--no-build')) {
    const built = spawnSync(
      process.execPath,
      [
        'node_modules/vite/bin/vite.js',
        'build',
        '--outDir',
        OUT_DIR,
        ...(PROFILE_DIR === undefined ? [] : ['--minify', 'false']),
      ],
      {
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    );
    if (built.status !== 0) throw new Error('vite build failed');
  }
  return spawn(
    process.execPath,
    [
      'node_modules/vite/bin/vite.js',
      'preview',
      '--outDir',
      OUT_DIR,
      '--port',
      String(PORT),
      '--strictPort',
      '--host',
      '127.0.0.1',
    ],
    { stdio: 'ignore' },
  );
}

async function waitForServer(): Promise<void> {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(BASE)).ok) return;
    } catch {
      // Not up yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the preview server did not answer on ${BASE}`);
}

const row = (name: string, value: string, budget: string, ok: boolean | null) =>
  console.log(
    `${name.padEnd(54)} ${value.padStart(16)}   ${budget.padEnd(12)} ${ok === null ? '' : ok ? 'ok' : 'MISSED'}`,
  );

async function main(): Promise<void> {
  const server = startServer();
  const missed: string[] = [];
  const check = (name: string, ok: boolean) => {
    if (!ok) missed.push(name);
    return ok;
  };
  try {
    await waitForServer();
    const browser = await chromium.launch({
      ...(CHROMIUM ? { executablePath: CHROMIUM } : {}),
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
      ],
    });
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await context.addInitScript({ content: INSTALL_COUNTERS });
    let page = await context.newPage();
    console.log(`Chromium ${browser.version()}, ${OUT_DIR} on ${BASE}; soak ${MINUTES} min\n`);

    // 1. The seed at Max.
    if (runs('max')) {
      await openLongSeed(page);
      await measure(page, 2_000);
      const idle = await measure(page, 3_000);
      row('idle page: frames per second', idle.fps.toFixed(1), '', null);
      await setSpeed(page, 'max');
      await play(page);
      await page.waitForTimeout(2_000);
      const before = { requests: await requests(page), sim: await clockSec(page), at: Date.now() };
      let cpu = { longestCpuMs: 0, cpuOver50: 0, totalCpuMs: 0 };
      const atMax = await measure(page, async () => {
        cpu = await mainThreadCpu(browser, page, () => page.waitForTimeout(15_000));
      });
      const after = { requests: await requests(page), sim: await clockSec(page), at: Date.now() };
      const wall = (after.at - before.at) / 1000;
      row(
        'seed at Max: frames per second',
        atMax.fps.toFixed(1),
        `≥ ${BUDGET.maxFps}`,
        check('fps at Max', atMax.fps >= BUDGET.maxFps),
      );
      row(
        'seed at Max: longest main-thread task',
        `${atMax.longestTaskMs.toFixed(0)} ms`,
        `≤ ${BUDGET.longTaskMs} ms`,
        check('long tasks at Max', atMax.longestTaskMs <= BUDGET.longTaskMs),
      );
      row('seed at Max: tasks over 50 ms', String(atMax.tasksOver50), '', null);
      row('seed at Max: longest task, CPU time', `${cpu.longestCpuMs.toFixed(0)} ms`, '', null);
      row('seed at Max: tasks over 50 ms of CPU time', String(cpu.cpuOver50), '', null);
      row(
        'seed at Max: main-thread CPU time per wall second',
        `${(cpu.totalCpuMs / atMax.wallSec).toFixed(0)} ms`,
        '',
        null,
      );
      row(
        'seed at Max: simulated requests per wall second',
        Math.round((after.requests - before.requests) / wall).toLocaleString('en'),
        '',
        null,
      );
      row(
        'seed at Max: simulated seconds per wall second',
        ((after.sim - before.sim) / wall).toFixed(0),
        '',
        null,
      );
      // In wall time, at the measured pace (simulated seconds per wall second).
      const simPerWallSec = (after.sim - before.sim) / wall;
      const probe = (await page.evaluate(CHART_LAG_PROBE(5_000))) as { lags: number[]; catchUps: number[] };
      const lags = probe.lags.map((sec) => (sec / simPerWallSec) * 1000).sort((a, b) => a - b);
      const catchUps = [...probe.catchUps].sort((a, b) => a - b);
      const at = (sorted: number[], q: number) =>
        sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
      row(
        'seed at Max: charts behind the clock, median / 95% / max',
        `${at(lags, 0.5).toFixed(0)} / ${at(lags, 0.95).toFixed(0)} / ${at(lags, 1).toFixed(0)} ms`,
        '',
        null,
      );
      row(
        'seed at Max: frames until the charts show the clock, median / max',
        `${at(catchUps, 0.5)} / ${at(catchUps, 1)}`,
        '',
        null,
      );
      // The charts at Max, twice, a little over a second apart: they must look right and move.
      const charts = page.locator('.charts');
      await charts.screenshot({ path: `${SCREENSHOTS}/bench-charts-at-max-1.png` });
      await page.waitForTimeout(1_500);
      await charts.screenshot({ path: `${SCREENSHOTS}/bench-charts-at-max-2.png` });
      if (PROFILE_DIR !== undefined) {
        // From t = 0 again: at Max a day-long run ends in about a minute on a fast machine.
        await page.getByRole('button', { name: 'Reset', exact: true }).click();
        await play(page);
        await page.waitForTimeout(1_000);
        await profileMainThread(page, PROFILE_DIR, () => page.waitForTimeout(10_000));
        await browser.startTracing(page, {
          path: `${PROFILE_DIR}/seed-at-max.trace.json`,
          categories: [
            'toplevel',
            'devtools.timeline',
            'disabled-by-default-devtools.timeline',
            'v8',
            'blink',
          ],
        });
        await page.waitForTimeout(10_000);
        await browser.stopTracing();
        console.log(`trace of 10 s at Max: ${PROFILE_DIR}/seed-at-max.trace.json`);
      }
      // A day-long run ends after about a minute at Max on a fast machine: paused or ended, it is still.
      const pause = page.getByRole('button', { name: 'Pause', exact: true });
      if (await pause.isVisible()) await pause.click();
    } else await openLongSeed(page);

    // 2. Two hundred nodes: import, layout, pan.
    if (runs('nodes')) {
      const importing = measure(page, async () => {
        await page.getByLabel('Import a Mermaid, Markdown or JSON file').setInputFiles({
          name: 'two-hundred.mmd',
          mimeType: 'text/plain',
          buffer: Buffer.from(twoHundredNodes()),
        });
        await page.waitForFunction(
          () => document.querySelectorAll('.react-flow__node-arch').length === 200,
          null,
          {
            timeout: 60_000,
          },
        );
      });
      const imported = await importing;
      row('200 nodes: import + layout + first draw', `${(imported.wallSec * 1000).toFixed(0)} ms`, '', null);
      row('200 nodes: longest task while importing', `${imported.longestTaskMs.toFixed(0)} ms`, '', null);
      await page.waitForTimeout(1_000);
      const panned = await measure(page, () => pan(page, 5_000));
      row(
        '200 nodes, paused: frames per second panning',
        panned.fps.toFixed(1),
        `≥ ${BUDGET.panFps}`,
        check('pan fps (paused)', panned.fps >= BUDGET.panFps),
      );
      await setSpeed(page, '10');
      await play(page);
      await page.waitForTimeout(2_000);
      const pannedLive = await measure(page, () => pan(page, 5_000));
      row(
        '200 nodes, playing at 10×: frames per second panning',
        pannedLive.fps.toFixed(1),
        `≥ ${BUDGET.panFps}`,
        check('pan fps (playing)', pannedLive.fps >= BUDGET.panFps),
      );
      row('200 nodes, playing at 10×: longest task', `${pannedLive.longestTaskMs.toFixed(0)} ms`, '', null);
    }

    // 3. Heap over a long stretch at Max, in a fresh context (the 200 nodes are the stored document now).
    if (runs('heap')) {
      await context.close();
      const soakContext = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      await soakContext.addInitScript({ content: INSTALL_COUNTERS });
      page = await soakContext.newPage();
      await openLongSeed(page);
      await setSpeed(page, 'max');
      await play(page);
      await page.waitForTimeout(10_000);
      const heapBefore = await heapMb(page);
      const soakEnd = Date.now() + MINUTES * 60_000;
      let runs = 1;
      while (Date.now() < soakEnd) {
        await page.waitForTimeout(Math.min(5_000, Math.max(0, soakEnd - Date.now())));
        if (await page.getByRole('button', { name: 'Play', exact: true }).isVisible()) {
          await page.getByRole('button', { name: 'Reset', exact: true }).click();
          await play(page);
          runs += 1;
        }
      }
      const heapAfter = await heapMb(page);
      const simEnd = await clockSec(page);
      row('heap after warm-up (after GC)', `${heapBefore.toFixed(1)} MB`, '', null);
      row(`heap after ${MINUTES} min at Max (after GC)`, `${heapAfter.toFixed(1)} MB`, '', null);
      row(
        `heap growth over ${MINUTES} min at Max`,
        `${(heapAfter - heapBefore).toFixed(1)} MB`,
        `≤ ${BUDGET.heapGrowthMb} MB`,
        check('heap growth', heapAfter - heapBefore <= BUDGET.heapGrowthMb),
      );
      row(
        'runs played in the soak / simulated clock at the end',
        `${runs} / ${simEnd.toFixed(0)} s`,
        '',
        null,
      );
    }
    await browser.close();
  } finally {
    server.kill();
  }
  if (missed.length) {
    console.log(`\nMissed: ${missed.join(', ')}`);
    process.exitCode = 1;
  } else console.log('\nAll browser budgets met.');
}

await main();
