import { checkExpectations, type ExpectationResult } from '../analysis/expectation-check';
import { formatMeasured } from '../analysis/expectations';
import { EXIT_INVALID, EXIT_OK, UsageError, type CliIo, type Command } from './io';
import { junitXml, type JunitCase, type JunitSuite } from './junit';
import { loadRunnableDocument } from './load-document';

/** Replications used when a file asks for a confidence bound (`at 95%`) and --replications is not given. */
export const DEFAULT_CONFIDENCE_RUNS = 30;
/** Most replications one command may ask for: each is a whole run. */
const MAX_REPLICATIONS = 1000;

/** One file's outcome. */
interface FileOutcome {
  readonly file: string;
  readonly runs: number;
  readonly seeds: readonly number[];
  readonly timeSec: number;
  readonly results: readonly (ExpectationResult & { readonly location: string })[];
  /** The file could not be read or run: its problems, one per line. */
  readonly errors?: readonly string[];
}

/** Parses `--replications N`. */
export function parseReplications(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > MAX_REPLICATIONS)
    throw new UsageError(
      `--replications must be a whole number from 1 to ${MAX_REPLICATIONS}, not "${text}"`,
    );
  return n;
}

/** `FILE:LINE:COL` of each `%% @expect` line in the file's text, in order (Mermaid and Markdown files). */
async function expectLocations(file: string, io: CliIo): Promise<string[]> {
  if (file.toLowerCase().endsWith('.json')) return [];
  let text: string;
  try {
    text = await io.readFile(file);
  } catch {
    return [];
  }
  const found: string[] = [];
  text.split(/\r\n?|\n/).forEach((line, i) => {
    const match = /^(\s*%%\s*@expect\s+)(?![^\s=]+=)/.exec(line);
    if (match) found.push(`${file}:${i + 1}:${(match[1] as string).length + 1}`);
  });
  return found;
}

async function testFile(file: string, replications: number | undefined, io: CliIo): Promise<FileOutcome> {
  const started = Date.now();
  const errors: string[] = [];
  const doc = await loadRunnableDocument(file, { ...io, stderr: (text) => void errors.push(text.trimEnd()) });
  if (!doc) return { file, runs: 0, seeds: [], timeSec: 0, results: [], errors };
  const expectations = doc.expectations ?? [];
  const needsBounds = expectations.some((e) => e.confidence !== undefined);
  const runs = replications ?? (needsBounds ? DEFAULT_CONFIDENCE_RUNS : 1);
  const report = checkExpectations(doc, {
    replications: runs,
    onProgress: (done, total) => io.stderr(`test: ${file}: ${done}/${total} runs\n`),
  });
  const locations = await expectLocations(file, io);
  const where = (i: number) =>
    locations.length === expectations.length ? (locations[i] as string) : `${file}: expectations[${i}]`;
  return {
    file,
    runs,
    seeds: report.seeds,
    timeSec: (Date.now() - started) / 1000,
    results: report.results.map((r, i) => ({ ...r, location: where(i) })),
  };
}

const LABEL = { pass: 'PASS', fail: 'FAIL', unmeasured: 'FAIL' } as const;

function lineOf(r: FileOutcome['results'][number]): string {
  const measured = r.status === 'unmeasured' ? `not measured: ${r.summary}` : `measured ${r.summary}`;
  return `${LABEL[r.status]}  ${r.location}  ${r.text}  ${measured}  [${r.where}]`;
}

function suiteOf(outcome: FileOutcome): JunitSuite {
  if (outcome.errors)
    return {
      name: outcome.file,
      timeSec: outcome.timeSec,
      cases: [
        {
          name: 'the file can be read and run',
          status: 'error',
          message: outcome.errors[0] ?? 'invalid',
          details: outcome.errors.join('\n'),
        },
      ],
    };
  return {
    name: outcome.file,
    timeSec: outcome.timeSec,
    cases: outcome.results.map((r): JunitCase => {
      const message = r.status === 'unmeasured' ? `not measured: ${r.summary}` : `measured ${r.summary}`;
      const cases = r.cases?.map(
        (c) =>
          `${c.status.toUpperCase()} ${c.target} failed: ${c.measured === undefined ? '—' : formatMeasured(r.expectation.metric, c.measured)}`,
      );
      return {
        name: r.text,
        status: r.status === 'pass' ? 'pass' : 'fail',
        message,
        details: [`${r.location}: ${r.text}`, message, `where: ${r.where}`, ...(cases ?? [])].join('\n'),
      };
    }),
  };
}

function jsonOf(outcomes: readonly FileOutcome[], passed: boolean): string {
  return JSON.stringify({
    version: 1,
    passed,
    files: outcomes.map((o) => ({
      file: o.file,
      runs: o.runs,
      seeds: o.seeds,
      ...(o.errors ? { errors: o.errors } : {}),
      results: o.results.map((r) => ({
        expectation: r.text,
        status: r.status,
        location: r.location,
        where: r.where,
        runs: r.runs,
        ...(r.measured !== undefined ? { measured: r.measured } : {}),
        ...(r.interval && r.runs > 1
          ? { low: r.interval.low, high: r.interval.high, level: r.interval.level }
          : {}),
        ...(r.checked !== undefined ? { checked: r.checked } : {}),
        summary: r.summary,
        ...(r.cases
          ? {
              cases: r.cases.map((c) => ({
                target: c.target,
                kind: c.kind,
                status: c.status,
                ...(c.measured !== undefined ? { measured: c.measured } : {}),
              })),
            }
          : {}),
      })),
    })),
  });
}

/**
 * `archplay test <files…> [--replications N] [--junit FILE] [--json]` (DESIGN.md §6; README.md,
 * "Architecture tests in CI"): runs each file and checks its `%% @expect` lines; one line per expectation;
 * exit 1 when any fails (or cannot be measured), or a file is invalid.
 */
export const testCommand: Command = {
  name: 'test',
  summary: "check each file's %% @expect lines; exit 1 on any failure; --junit writes JUnit XML",
  usage: 'archplay test <files…> [--replications N] [--junit FILE] [--json]',
  options: { replications: { type: 'string' }, junit: { type: 'string' }, json: { type: 'boolean' } },
  async run(positionals, values, io) {
    if (positionals.length === 0) throw new UsageError('test takes one or more files');
    const replications = parseReplications(values['replications'] as string | undefined);
    const outcomes: FileOutcome[] = [];
    for (const file of positionals) outcomes.push(await testFile(file, replications, io));
    const failures = outcomes.flatMap((o) => o.results.filter((r) => r.status !== 'pass'));
    const invalid = outcomes.filter((o) => o.errors);
    const passed = failures.length === 0 && invalid.length === 0;
    if (typeof values['junit'] === 'string')
      await io.writeFile(values['junit'], junitXml(outcomes.map(suiteOf)));
    if (values['json'] === true) {
      io.stdout(`${jsonOf(outcomes, passed)}\n`);
    } else {
      const lines: string[] = [];
      for (const o of outcomes) {
        if (o.errors) {
          lines.push(`ERROR ${o.file}: cannot be run`, ...o.errors.map((e) => `  ${e}`));
          continue;
        }
        const seeds = o.runs === 1 ? `seed ${o.seeds[0]}` : `${o.runs} seeds from ${o.seeds[0]}`;
        lines.push(
          `${o.file}: ${o.results.length} expectation${o.results.length === 1 ? '' : 's'}, ${seeds}`,
        );
        if (o.results.length === 0) lines.push('  (no %% @expect lines: nothing to check)');
        lines.push(...o.results.map((r) => `  ${lineOf(r)}`));
      }
      const total = outcomes.reduce((n, o) => n + o.results.length, 0);
      lines.push(
        passed
          ? `${total} expectation${total === 1 ? '' : 's'} passed`
          : `${failures.length} of ${total} expectations failed${invalid.length > 0 ? `, ${invalid.length} file${invalid.length === 1 ? '' : 's'} invalid` : ''}`,
      );
      io.stdout(`${lines.join('\n')}\n`);
    }
    return passed ? EXIT_OK : EXIT_INVALID;
  },
};
