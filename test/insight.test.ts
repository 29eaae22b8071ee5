import { describe, expect, it } from 'vitest';
import { ACTIVE_ACTIVE } from '../src/model/presets';
import type { ArchDocument, LbParams } from '../src/model/types';
import { costPerHour } from '../src/analysis/analysis';
import { createSimulation } from '../src/sim/engine';
import { explainRun } from '../src/analysis/explain';
import { runReport } from '../src/analysis/report';
import { costBenefit, defaultFault, twinBase, variantsOf } from '../src/analysis/twin';
import { selectHeatShown, selectNodeHeat } from '../src/store/insight-selectors';
import { failedAfterFault, heatOf } from '../src/store/insight-slice';
import { withFailure } from '../src/analysis/analysis';
import { liveReportOf } from '../src/store/live-report';
import { useArchStore } from '../src/store/store';
import { runAnalysisJob } from '../src/worker/analysis-jobs';
import type { AnalysisJob, FromAnalysis, ToAnalysis } from '../src/worker/analysis-protocol';
import { PoolCancelled, runPool, type PoolWorker } from '../src/worker/analysis-pool';
import type { FromWorker } from '../src/worker/protocol';
import { createRunner } from '../src/worker/runner';

const seed = ACTIVE_ACTIVE.document;
const short = (doc: ArchDocument, durationSec: number): ArchDocument => ({
  ...doc,
  sim: { ...doc.sim, durationSec },
});

describe('twin-run variants', () => {
  it('offers the decisions that apply to the seed, and applies them to B only', () => {
    const variants = variantsOf(seed);
    expect(variants.map((v) => v.label)).toEqual([
      'Client: retry once',
      'Load Balancer: active-passive',
      'Database: add a replica',
    ]);
    const b = variants[1]!.apply(seed);
    expect((b.nodes.find((n) => n.id === 'LoadBalancer')?.params as LbParams).mode).toBe('active-passive');
    expect((seed.nodes.find((n) => n.id === 'LoadBalancer')?.params as LbParams).mode).toBe('active-active');
    // Applied twice, the mode variant of B's own document goes back.
    expect(variantsOf(b).find((v) => v.id === 'LoadBalancer:mode')?.label).toBe(
      'Load Balancer: active-active',
    );
  });

  it('adds the sweep’s default failure when the scenario breaks nothing', () => {
    expect(defaultFault(seed)).toEqual({ atSec: 60, action: 'fail', target: 'Server1' });
    expect(twinBase(seed).scenario).toEqual([{ atSec: 60, action: 'fail', target: 'Server1' }]);
    const own = { ...seed, scenario: [{ atSec: 30, action: 'fail' as const, target: 'DB' }] };
    expect(twinBase(own)).toBe(own);
  });

  it('active-passive on the seed fails more than active-active, and the cost line says what B buys', () => {
    const a = short(twinBase(seed), 90);
    const b = variantsOf(a)[1]!.apply(a);
    const ra = runReport(a);
    const rb = runReport(b);
    // During the 6 s of detection active-passive loses all of the 400 req/s, active-active half; within
    // one health-check interval (2 s) of the offered load, as the twin-run test allows.
    const extra = rb.totals.failed - ra.totals.failed;
    expect(Math.abs(extra - 200 * 6)).toBeLessThan(400 * 2);
    const totals = (r: typeof ra, doc: ArchDocument) => ({ ...r.totals, cost_per_hour: costPerHour(doc) });
    const line = costBenefit(totals(rb, b), totals(ra, a), 90);
    expect(line.requestsSaved).toBe(extra);
    expect(line.text).toContain(`saves ${extra.toLocaleString('en-US')} failed requests`);
    const pricier = costBenefit(totals(ra, a), { ...totals(rb, b), cost_per_hour: costPerHour(a) + 0.2 }, 90);
    expect(pricier.text).toMatch(
      /^B costs \$0\.20\/h more than A; in this run it fails [\d,]+ more requests/,
    );
  });
});

describe('sweep heat map', () => {
  it('is each node’s and group’s share of requests failed after its crash', () => {
    const entry = (target: string, availability: number, kind = 'service') => ({
      target,
      kind,
      availability,
      failed: 0,
      p99_ms: 0,
      writes_lost: 0,
      sessions_lost: 0,
    });
    const ranking = [entry('DB', 0.2), entry('S1', 0.99), entry('Zone', 0.1, 'group')];
    // 300 s, fault at 60 s: the last 240 s are 80% of the run.
    expect(heatOf({ doc: seed, atSec: 60, ranking })).toEqual({
      DB: 1,
      S1: expect.closeTo(0.01 / 0.8, 9) as number,
      Zone: 1,
    });
    expect(failedAfterFault(1, 300, 60)).toBe(0);
  });
});

describe('heat map and replay in the store', () => {
  it('shows the heat map for the swept design and its replayed cases only; back restores the design', () => {
    useArchStore.getState().attach(null);
    useArchStore.setState({ doc: seed, replay: null });
    const entry = { kind: 'lb', failed: 1, p99_ms: 1, writes_lost: 0, sessions_lost: 0 };
    const ranking = [{ ...entry, target: 'LoadBalancer', availability: 0.2 }];
    const store = () => useArchStore.getState();
    store().setSweepOutcome({ doc: seed, atSec: 60, ranking, wallMs: 1 });
    expect(selectNodeHeat(store(), 'LoadBalancer')).toBe(1);

    store().startReplay(withFailure(seed, 'LoadBalancer', 60), 'Load Balancer fails at 60 s');
    expect(store().doc.scenario).toEqual([{ atSec: 60, action: 'fail', target: 'LoadBalancer' }]);
    expect(selectHeatShown(store())).toBe(true);
    // A second replay still goes back to the user's design, not to the first case.
    store().startReplay(withFailure(seed, 'DB', 60), 'Database fails at 60 s');
    store().endReplay();
    expect(store().doc).toBe(seed);
    expect(store().replay).toBeNull();
    expect(selectHeatShown(store())).toBe(true);

    // An edit makes the sweep stale: its heat map is no longer shown.
    store().setNodeParams('Server1', {
      workers: 2,
      service: { type: 'exp', meanMs: 10 },
      queueCapacity: 200,
    });
    expect(selectNodeHeat(store(), 'LoadBalancer')).toBeUndefined();
    expect(selectHeatShown(store())).toBe(false);
  });
});

/** Workers that run their job on the next microtask, counting how many were started and ended. */
function fakeWorkers() {
  const started: PoolWorker[] = [];
  let terminated = 0;
  const spawn = (): PoolWorker => {
    const worker: PoolWorker = {
      onmessage: null,
      postMessage: ({ job, spec }: ToAnalysis) =>
        queueMicrotask(() => {
          const data: FromAnalysis = { type: 'done', job, result: runAnalysisJob(spec) };
          worker.onmessage?.({ data } as MessageEvent<FromAnalysis>);
        }),
      terminate: () => terminated++,
    };
    started.push(worker);
    return worker;
  };
  return { spawn, started, terminated: () => terminated };
}

describe('analysis pool', () => {
  const jobs: AnalysisJob[] = ['Server1', 'DB', 'LoadBalancer'].map((target) => ({
    type: 'sweep-case',
    doc: short(seed, 70),
    target,
    kind: 'x',
    atSec: 60,
  }));

  it('shares the jobs among the workers and gives results in job order, with progress', async () => {
    const fake = fakeWorkers();
    const progress: string[] = [];
    const run = runPool(jobs, {
      concurrency: 2,
      spawn: fake.spawn,
      onProgress: (done, total) => progress.push(`${done}/${total}`),
    });
    const results = (await run.results) as { target: string }[];
    expect(results.map((r) => r.target)).toEqual(['Server1', 'DB', 'LoadBalancer']);
    expect(progress).toEqual(['1/3', '2/3', '3/3']);
    expect(fake.started).toHaveLength(2);
    expect(fake.terminated()).toBe(2);
  });

  it('stops every worker when cancelled', async () => {
    const fake = fakeWorkers();
    const run = runPool(jobs, { concurrency: 4, spawn: fake.spawn });
    run.cancel();
    await expect(run.results).rejects.toBeInstanceOf(PoolCancelled);
    expect(fake.terminated()).toBe(3);
  });
});

describe('explain, live', () => {
  it('an account of the streamed run quotes the numbers of the headless report', () => {
    const doc = short({ ...seed, scenario: [{ atSec: 20.001, action: 'fail', target: 'Server1' }] }, 60);
    useArchStore.setState({ doc });
    const store = useArchStore.getState();
    store.attach(() => undefined);
    const { runId } = useArchStore.getState();
    let now = 0;
    const tasks: (() => void)[] = [];
    const runner = createRunner({
      create: (d) => createSimulation(d),
      post: (message: FromWorker) => useArchStore.getState().receive({ ...message, runId }),
      now: () => (now += 1),
      later: (task) => tasks.push(task),
      soon: (task) => tasks.push(task),
    });
    runner.handle({ type: 'load', runId, doc, playing: true, speed: 'max' });
    for (let i = 0; i < 100_000 && !useArchStore.getState().done; i++) tasks.shift()?.();
    expect(useArchStore.getState().done).toBe(true);
    const live = liveReportOf(useArchStore.getState());
    if (!live) throw new Error('no report');
    const headless = runReport(doc);
    expect(live.totals).toEqual(headless.totals);
    expect(explainRun(doc, live)).toEqual(explainRun(doc, headless));
    store.attach(null);
  });
});
