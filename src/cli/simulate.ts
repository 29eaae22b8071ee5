import { formatFixed, formatSharePercent } from '../model/number-format';
import { parseDurationMs } from '../model/units';
import { runReport, type RunReport } from '../analysis/report';
import { seriesCsv } from '../analysis/series-csv';
import { EXIT_INVALID, EXIT_OK, UsageError, type Command } from './io';
import { loadRunnableDocument } from './load-document';
import { runReplications, summarize } from '../analysis/replications';
import { summaryJson, summaryText } from './replication-output';
import { parseReplications } from './test-command';

/** A headless run stops after this much wall time and says so (the engine itself has no clock). */
const WALL_TIME_LIMIT_MS = 10 * 60 * 1000;

/**
 * `archplay simulate <file> [--seed N] [--duration 300s] [--json] [--csv FILE]` (DESIGN.md §6): runs the
 * document with the same engine as the browser and prints the report (JSON, or a short summary).
 */
export const simulateCommand: Command = {
  name: 'simulate',
  summary: 'run the simulation headless; --json prints the report, --csv writes the per-second series',
  usage:
    'archplay simulate <file.mmd|file.md|file.json> [--seed N] [--duration 300s] [--replications N] [--json] [--csv FILE]',
  options: {
    replications: { type: 'string' },
    seed: { type: 'string' },
    duration: { type: 'string' },
    json: { type: 'boolean' },
    csv: { type: 'string' },
  },
  async run(positionals, values, io) {
    const [file, ...extra] = positionals;
    if (file === undefined || extra.length > 0) throw new UsageError('simulate takes exactly one file');
    const seed = values['seed'] === undefined ? undefined : parseSeed(String(values['seed']));
    const durationSec =
      values['duration'] === undefined ? undefined : parseDuration(String(values['duration']));
    const replications = parseReplications(values['replications'] as string | undefined);
    if (replications !== undefined && typeof values['csv'] === 'string')
      throw new UsageError('--csv writes one run’s series: leave out --replications');
    const loaded = await loadRunnableDocument(file, io);
    if (!loaded) return EXIT_INVALID;
    const doc = {
      ...loaded,
      sim: {
        ...loaded.sim,
        ...(seed !== undefined ? { seed } : {}),
        ...(durationSec !== undefined ? { durationSec } : {}),
      },
    };
    if (replications !== undefined) {
      const samples = runReplications(doc, replications, {
        onProgress: (done, total) => io.stderr(`simulate: ${done}/${total} replications\n`),
      });
      const summary = summarize(samples);
      io.stdout(
        values['json'] === true
          ? `${JSON.stringify(summaryJson(summary, doc.sim.durationSec), finiteNumbers)}\n`
          : summaryText(file, summary),
      );
      return EXIT_OK;
    }
    const started = Date.now();
    const report = runReport(doc, {
      detailedSeries: true,
      ...(seed !== undefined ? { seed } : {}),
      ...(durationSec !== undefined ? { durationSec } : {}),
      shouldStop: () =>
        Date.now() - started > WALL_TIME_LIMIT_MS
          ? `stopped after ${WALL_TIME_LIMIT_MS / 1000} s of wall time`
          : undefined,
    });
    if (typeof values['csv'] === 'string') await io.writeFile(values['csv'], seriesCsv(report));
    io.stdout(values['json'] === true ? `${JSON.stringify(report, finiteNumbers)}\n` : summary(file, report));
    return EXIT_OK;
  },
};

function parseSeed(text: string): number {
  const seed = Number(text);
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff)
    throw new UsageError(`--seed must be a whole number from 0 to 4294967295, not "${text}"`);
  return seed;
}

function parseDuration(text: string): number {
  const parsed = parseDurationMs(text, 's');
  if (!parsed.ok) throw new UsageError(`--duration: ${parsed.error}`);
  if (!(parsed.value > 0 && Number.isFinite(parsed.value)))
    throw new UsageError('--duration must be above 0 and finite');
  return parsed.value / 1000;
}

/** JSON has no Infinity or NaN: such a value (none is expected) is written as null rather than dropped. */
function finiteNumbers(_key: string, value: unknown): unknown {
  return typeof value === 'number' && !Number.isFinite(value) ? null : value;
}

function summary(file: string, report: RunReport): string {
  const t = report.totals;
  const lines = [
    `${file}: ${report.duration_s} s simulated, seed ${report.seed}${report.stopped ? ` (${report.stopped})` : ''}`,
    `  requests ${t.requests}, ok ${t.ok}, failed ${t.failed}, in flight ${t.in_flight}; availability ${formatSharePercent(t.availability, 3)}`,
    `  throughput ${formatFixed(t.throughput_rps, 1)} req/s; latency mean ${formatFixed(t.latency_ms.mean, 2)} ms, p50 ${formatFixed(t.latency_ms.p50, 2)}, p95 ${formatFixed(t.latency_ms.p95, 2)}, p99 ${formatFixed(t.latency_ms.p99, 2)} ms`,
    `  sessions lost ${t.sessions_lost}, writes lost ${t.writes_lost}, duplicates ${t.duplicates}`,
    ...report.events.map(
      (e) =>
        `  ${formatFixed(e.t, 1)} s ${e.type} ${e.target}${e.by ? ` (by ${e.by})` : ''}${e.detail ? `: ${e.detail}` : ''}`,
    ),
  ];
  return `${lines.join('\n')}\n`;
}
