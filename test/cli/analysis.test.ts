import { describe, expect, it } from 'vitest';
import { main, nodeIo } from '../../src/cli/main';

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

describe('archplay sweep and compare', () => {
  it('sweep --json ranks the seed diagram worst first: load balancer and database above the servers', async () => {
    const { code, stdout, stderr } = await archplay(
      'sweep',
      'test/corpus/seed-active-active.mmd',
      '--at',
      '60s',
      '--json',
    );
    expect(code).toBe(0);
    expect(stderr).toContain('sweep: 5/5 runs done');
    const result = JSON.parse(stdout);
    expect(result.version).toBe(1);
    expect(Object.keys(result.ranking[0])).toEqual([
      'target',
      'kind',
      'availability',
      'failed',
      'p99_ms',
      'writes_lost',
      'sessions_lost',
    ]);
    const order = result.ranking.map((r: { target: string }) => r.target);
    expect(order.slice(-2).sort()).toEqual(['Server1', 'Server2']);
    for (let i = 1; i < result.ranking.length; i++) {
      expect(result.ranking[i].availability).toBeGreaterThanOrEqual(result.ranking[i - 1].availability);
    }
  });

  it('compare --json prints both designs’ totals with the same seed', async () => {
    const { code, stdout } = await archplay(
      'compare',
      'test/corpus/seed-active-active.mmd',
      'test/corpus/seed-message-queue.mmd',
      '--json',
    );
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.version).toBe(1);
    for (const side of [result.a, result.b]) {
      expect(side.requests).toBe(side.ok + side.failed + side.in_flight);
      expect(side.cost_per_hour).toBeGreaterThan(0);
    }
  });

  it('usage mistakes exit 2', async () => {
    expect((await archplay('sweep')).code).toBe(2);
    expect((await archplay('sweep', 'test/corpus/seed-active-active.mmd', '--at', '900s')).code).toBe(2);
    expect((await archplay('compare', 'test/corpus/seed-active-active.mmd')).code).toBe(2);
  });
});
