import { parseDurationMs } from '../model/units';
import { formatFixed, formatSharePercent } from '../model/number-format';
import { compare, sweep } from '../analysis/analysis';
import { EXIT_INVALID, EXIT_OK, UsageError, type Command } from './io';
import { loadRunnableDocument } from './load-document';
import { parseReplications } from './test-command';
import { pairedCompare } from './compare-replications';

const percent = (share: number) => formatSharePercent(share, 3);

/** `archplay sweep <file> [--at 60s] [--json]` (DESIGN.md §6). */
export const sweepCommand: Command = {
  name: 'sweep',
  summary: 'fail each node and each group in turn (same seed); rank them by impact',
  usage: 'archplay sweep <file> [--at 60s] [--json]',
  options: { at: { type: 'string' }, json: { type: 'boolean' } },
  async run(positionals, values, io) {
    const [file, ...extra] = positionals;
    if (file === undefined || extra.length > 0) throw new UsageError('sweep takes exactly one file');
    const at = parseDurationMs(String(values['at'] ?? '60s'), 's');
    if (!at.ok || !Number.isFinite(at.value))
      throw new UsageError(`--at: ${at.ok ? 'must be finite' : at.error}`);
    const doc = await loadRunnableDocument(file, io);
    if (!doc) return EXIT_INVALID;
    const atSec = at.value / 1000;
    if (atSec >= doc.sim.durationSec)
      throw new UsageError(`--at ${atSec}s is not before the end of the run (${doc.sim.durationSec}s)`);
    const result = sweep(doc, atSec, {
      onProgress: (done, total) => io.stderr(`sweep: ${done}/${total} runs done\n`),
    });
    if (values['json'] === true) {
      io.stdout(`${JSON.stringify(result)}\n`);
    } else {
      const lines = result.ranking.map(
        (r, i) =>
          `${String(i + 1).padStart(3)}. ${r.target} (${r.kind}): availability ${percent(r.availability)}, ${r.failed} failed, p99 ${formatFixed(r.p99_ms, 1)} ms` +
          `${r.writes_lost ? `, ${r.writes_lost} writes lost` : ''}${r.sessions_lost ? `, ${r.sessions_lost} sessions lost` : ''}`,
      );
      io.stdout(`Failing each component at ${atSec} s, worst first:\n${lines.join('\n')}\n`);
    }
    return EXIT_OK;
  },
};

/** `archplay compare <a> <b> [--json]` (DESIGN.md §6): twin runs, same seed and scenario. */
export const compareCommand: Command = {
  name: 'compare',
  summary: 'twin runs of two designs with the same seed and scenario; totals side by side',
  usage: 'archplay compare <a> <b> [--replications N] [--json]',
  options: { json: { type: 'boolean' }, replications: { type: 'string' } },
  async run(positionals, values, io) {
    const [fileA, fileB, ...extra] = positionals;
    if (fileA === undefined || fileB === undefined || extra.length > 0)
      throw new UsageError('compare takes exactly two files');
    const replications = parseReplications(values['replications'] as string | undefined);
    const a = await loadRunnableDocument(fileA, io);
    const b = await loadRunnableDocument(fileB, io);
    if (!a || !b) return EXIT_INVALID;
    if (replications !== undefined) {
      io.stdout(pairedCompare(a, b, replications, values['json'] === true, io));
      return EXIT_OK;
    }
    const result = compare(a, b);
    if (values['json'] === true) {
      io.stdout(`${JSON.stringify(result)}\n`);
      return EXIT_OK;
    }
    const row = (label: string, pick: (t: typeof result.a) => string) =>
      `${label.padEnd(16)}${pick(result.a).padStart(14)}${pick(result.b).padStart(14)}`;
    io.stdout(
      [
        `${''.padEnd(16)}${'A'.padStart(14)}${'B'.padStart(14)}`,
        row('availability', (t) => percent(t.availability)),
        row('failed', (t) => String(t.failed)),
        row('p50 ms', (t) => formatFixed(t.latency_ms.p50, 2)),
        row('p95 ms', (t) => formatFixed(t.latency_ms.p95, 2)),
        row('p99 ms', (t) => formatFixed(t.latency_ms.p99, 2)),
        row('writes lost', (t) => String(t.writes_lost)),
        row('sessions lost', (t) => String(t.sessions_lost)),
        row('duplicates', (t) => String(t.duplicates)),
        row('cost per hour', (t) => formatFixed(t.cost_per_hour, 2)),
        '',
      ].join('\n'),
    );
    return EXIT_OK;
  },
};
