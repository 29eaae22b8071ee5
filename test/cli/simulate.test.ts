import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main, nodeIo } from '../../src/cli/main';
import { ACTIVE_ACTIVE } from '../../src/model/presets';
import { documentToJson } from '../../src/share/document-json';
import { createSimulation } from '../../src/sim/engine';

const scratch = mkdtempSync(join(tmpdir(), 'archplay-simulate-'));

async function archplay(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    ...nodeIo(),
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
  });
  return { code, stdout, stderr };
}

const DIAGRAM = `flowchart LR
  Client["Client"] --> LB["Load Balancer"]
  LB --> S1["Server 1"] & S2["Server 2"]
  S1 & S2 --> DB[("Database")]
%% @Client rate=400/s timeout=2s
%% @sim seed=42 duration=60s
%% @at 20s fail S1
`;

describe('archplay simulate', () => {
  it('--json prints the DESIGN.md §6 report: totals, nodes, series and events, in ms and seconds', async () => {
    const file = join(scratch, 'seed.mmd');
    writeFileSync(file, DIAGRAM);
    const { code, stdout } = await archplay('simulate', file, '--json');
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report).toMatchObject({ version: 1, seed: 42, duration_s: 60 });
    const t = report.totals;
    expect(Object.keys(t)).toEqual(
      expect.arrayContaining([
        'requests',
        'ok',
        'failed',
        'in_flight',
        'availability',
        'throughput_rps',
        'latency_ms',
        'sessions_lost',
        'writes_lost',
        'duplicates',
      ]),
    );
    expect(t.requests).toBe(t.ok + t.failed + t.in_flight);
    expect(Object.keys(t.latency_ms)).toEqual(['mean', 'p50', 'p95', 'p99']);
    expect(report.nodes.S2).toMatchObject({
      arrivals: expect.any(Number),
      completed: expect.any(Number),
      errors: 0,
      utilization: expect.any(Number),
    });
    expect(report.series).toHaveLength(60);
    expect(report.events).toEqual(
      expect.arrayContaining([
        { t: 20, type: 'fail', target: 'S1' },
        expect.objectContaining({ type: 'hc-down', target: 'S1', by: 'LB' }),
      ]),
    );
  });

  it('--seed and --duration override the file; the same seed gives the same numbers', async () => {
    const file = join(scratch, 'seeded.mmd');
    writeFileSync(file, DIAGRAM);
    const first = JSON.parse(
      (await archplay('simulate', file, '--json', '--seed', '7', '--duration', '15s')).stdout,
    );
    const again = JSON.parse(
      (await archplay('simulate', file, '--json', '--seed', '7', '--duration', '15s')).stdout,
    );
    const other = JSON.parse(
      (await archplay('simulate', file, '--json', '--seed', '8', '--duration', '15s')).stdout,
    );
    expect(first).toMatchObject({ seed: 7, duration_s: 15 });
    expect(again).toEqual(first);
    expect(other.totals.requests).not.toBe(first.totals.requests);
  });

  it('gives the same numbers as the engine the browser runs, for a JSON document', async () => {
    const file = join(scratch, 'preset.json');
    const doc = { ...ACTIVE_ACTIVE.document, sim: { ...ACTIVE_ACTIVE.document.sim, durationSec: 30 } };
    writeFileSync(file, documentToJson(doc));
    const report = JSON.parse((await archplay('simulate', file, '--json')).stdout);
    // The worker advances in slices of simulated time; the result does not depend on the slicing.
    const sim = createSimulation(doc);
    for (let t = 0.25; !sim.done; t += 0.25) sim.advance(t);
    const totals = sim.totals();
    expect(report.totals.requests).toBe(totals.requests);
    expect(report.totals.ok).toBe(totals.ok);
    expect(report.totals.latency_ms).toEqual(totals.latencyMs);
  });

  it('--csv writes the per-second series with a header', async () => {
    const file = join(scratch, 'csv.mmd');
    const csv = join(scratch, 'series.csv');
    writeFileSync(file, DIAGRAM);
    const { code, stdout } = await archplay('simulate', file, '--duration', '5s', '--csv', csv);
    expect(code).toBe(0);
    expect(stdout).toContain('availability');
    const lines = readFileSync(csv, 'utf8').trim().split('\n');
    expect(lines[0]).toMatch(
      /^t,requests,attempts,ok,failed,error_rate,mean_ms,p50_ms,p95_ms,p99_ms,Client\.arrivals/,
    );
    // The columns added since DESIGN.md §6 come after the contract's (test/analysis/series-csv.test.ts).
    expect(lines[0]).toMatch(
      /,DB\.queue,wasted,Client\.wasted,Client\.shed,LB\.wasted,LB\.shed,.*,DB\.shed$/,
    );
    expect(lines[1]?.split(',')).toHaveLength(lines[0]?.split(',').length ?? 0);
    expect(lines).toHaveLength(6);
  });

  it('invalid input exits 1 naming the file; bad options exit 2', async () => {
    const file = join(scratch, 'bad.mmd');
    writeFileSync(file, 'flowchart LR\n  A --> B\n%% @A kind=client rate=-5/s\n');
    const invalid = await archplay('simulate', file, '--json');
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+ `));
    expect((await archplay('simulate', file, '--seed', 'abc')).code).toBe(2);
    expect((await archplay('simulate', file, '--duration', 'forever')).code).toBe(2);
    expect((await archplay('simulate')).code).toBe(2);
  });
});
