import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { main, nodeIo } from '../../src/cli/main';

const ROOT = join(import.meta.dirname, '..', '..');
const scratch = mkdtempSync(join(tmpdir(), 'archplay-test-'));

async function archplay(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      [join(ROOT, 'bin', 'archplay.mjs'), ...args],
      { cwd: ROOT },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

async function inProcess(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    ...nodeIo(),
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
  });
  return { code, stdout, stderr };
}

/** Two servers behind a load balancer; S1 crashes at 20 s of 40 s. */
const DESIGN = `flowchart LR
  Client --> LB --> S1 & S2
%% @Client kind=client rate=200/s
%% @LB kind=lb hc_interval=1s hc_unhealthy=2
%% @sim seed=5 duration=40s
%% @at 20s fail S1
`;

function file(name: string, expectations: string): string {
  const path = join(scratch, name);
  writeFileSync(path, `${DESIGN}${expectations}`);
  return path;
}

describe('archplay test', () => {
  const passing = file(
    'passing.mmd',
    '%% @expect availability >= 95%\n%% @expect writes_lost == 0\n%% @expect S2.utilization < 80% during 0s..20s\n',
  );
  const failing = file('failing.mmd', '%% @expect availability >= 99.99%\n%% @expect p99 <= 250ms\n');

  it('spawned: passing expectations exit 0, one PASS line each with the measured value and where', async () => {
    const junit = join(scratch, 'passing.xml');
    const result = await archplay('test', passing, '--junit', junit);
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines[0]).toBe(`${passing}: 3 expectations, seed 5`);
    expect(lines[1]).toMatch(
      new RegExp(
        `^  PASS  ${passing}:7:12  availability >= 95%  measured 9\\d\\.\\d+%  \\[totals, the whole run\\]$`,
      ),
    );
    expect(lines[3]).toMatch(
      /PASS .*:9:12 {2}S2\.utilization < 80% during 0s\.\.20s {2}measured \d+\.?\d*% {2}\[S2, 0 s\.\.20 s\]/,
    );
    expect(lines.at(-1)).toBe('3 expectations passed');
    const xml = readFileSync(junit, 'utf8');
    expect(xml).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="archplay test" tests="3" failures="0" errors="0"/,
    );
    expect(xml).toContain(`<testcase classname="${passing}" name="availability &gt;= 95%"/>`);
    expect(xml).not.toContain('<failure');
  });

  it('failing expectations exit 1 and become <failure> elements with the measured value', async () => {
    const junit = join(scratch, 'failing.xml');
    const result = await inProcess('test', failing, passing, '--junit', junit);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      /FAIL {2}.*failing\.mmd:7:12 {2}availability >= 99\.99% {2}measured 9\d\.\d+%/,
    );
    expect(result.stdout).toMatch(/PASS {2}.*failing\.mmd:8:12 {2}p99 <= 250ms/);
    expect(result.stdout.trim().split('\n').at(-1)).toBe('1 of 5 expectations failed');
    const xml = readFileSync(junit, 'utf8');
    expect(xml).toMatch(/<testsuites name="archplay test" tests="5" failures="1" errors="0"/);
    expect(xml).toMatch(/<testsuite name="[^"]*failing\.mmd" tests="2" failures="1" errors="0"/);
    expect(xml).toMatch(
      /<testcase classname="[^"]*failing\.mmd" name="availability &gt;= 99\.99%">\n\s+<failure message="measured 9\d\.\d+%" type="expectation">/,
    );
  });

  it('an invalid file exits 1 with its located error, and is an <error> in JUnit', async () => {
    const broken = file('broken.mmd', '%% @expect availability >= lots\n');
    const junit = join(scratch, 'broken.xml');
    const result = await inProcess('test', broken, '--junit', junit);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`${broken}:7:28 availability: "lots" is not a probability`);
    expect(readFileSync(junit, 'utf8')).toMatch(/errors="1"[\s\S]*<error message="[^"]*broken\.mmd:7:28/);
  });

  it('--replications judges the mean and confidence bounds; --json prints every result', async () => {
    const bounded = file(
      'bounded.mmd',
      '%% @expect availability >= 95% at 95%\n%% @expect sweep availability >= 10%\n',
    );
    const result = await inProcess('test', bounded, '--replications', '4', '--json');
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as {
      passed: boolean;
      files: {
        runs: number;
        seeds: number[];
        results: {
          status: string;
          runs: number;
          low: number;
          high: number;
          checked: number;
          cases?: unknown[];
        }[];
      }[];
    };
    expect(json.passed).toBe(true);
    const [bound, sweep] = json.files[0]!.results;
    expect(json.files[0]!.seeds).toHaveLength(4);
    expect(bound).toMatchObject({ status: 'pass', runs: 4 });
    expect(bound!.checked).toBe(bound!.low);
    expect(sweep!.cases).toHaveLength(3);
  });

  it('a bad replication count, or no file, is a usage error (exit 2)', async () => {
    expect((await inProcess('test', passing, '--replications', '0')).code).toBe(2);
    expect((await inProcess('test')).code).toBe(2);
  });
});

describe('archplay simulate / compare --replications', () => {
  it('simulate: every total as mean ± interval', async () => {
    const result = await inProcess('simulate', file('sim.mmd', ''), '--replications', '3', '--json');
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as {
      replications: number;
      seeds: number[];
      totals: Record<string, { mean: number; low: number; high: number; n: number }>;
      series: unknown[];
    };
    expect(json.replications).toBe(3);
    expect(json.seeds[0]).toBe(5);
    expect(json.totals['availability']!.n).toBe(3);
    expect(json.totals['availability']!.low).toBeLessThanOrEqual(json.totals['availability']!.mean);
    expect(json.series).toHaveLength(40);
  });

  it('compare: paired seeds, and whether B − A is significant', async () => {
    const a = file('a.mmd', '');
    const b = join(scratch, 'b.mmd');
    writeFileSync(b, DESIGN.replace('hc_interval=1s', 'hc_interval=200ms'));
    const result = await inProcess('compare', a, b, '--replications', '5', '--json');
    const json = JSON.parse(result.stdout) as {
      difference: Record<string, { difference: number; significant: boolean }>;
    };
    // Faster health checks shorten the detection window: fewer failed requests, every seed.
    expect(json.difference['failed']).toMatchObject({ significant: true });
    expect(json.difference['failed']!.difference).toBeLessThan(0);
    const text = await inProcess('compare', a, b, '--replications', '5');
    expect(text.stdout).toMatch(/^failed .* significant \(p = /m);
  });
});
