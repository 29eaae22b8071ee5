/**
 * A small fuzzing harness: a seeded generator (so every failure reproduces from its seed and index), a
 * clock per input, and a report of what went wrong. Used by the fuzz tests (pinned seeds, a few thousand
 * inputs each) and by `npm run fuzz` (the long run).
 */

/** mulberry32: a fast 32-bit generator, good enough to pick mutations. */
export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

/** One input that broke a rule: which rule, the input, and what happened. */
export interface FuzzFailure {
  readonly index: number;
  readonly rule: 'uncaught' | 'engine-throw' | 'slow' | 'bad-error' | 'round-trip';
  readonly detail: string;
  readonly input: string;
}

export interface FuzzReport {
  readonly name: string;
  readonly inputs: number;
  readonly failures: readonly FuzzFailure[];
  readonly uncaught: number;
  readonly engineThrows: number;
  readonly slow: number;
  readonly slowestMs: number;
  readonly seconds: number;
  /** What the inputs came to, e.g. `{ ok: 812, error: 4188 }`. */
  readonly outcomes: Readonly<Record<string, number>>;
}

/** What a checker says of one input: its outcome, and any rules it broke. */
export interface Verdict {
  readonly outcome: string;
  readonly problems?: readonly { rule: FuzzFailure['rule']; detail: string }[];
}

/** Inputs slower than this count as `slow` (the bound: none over a second). */
export const SLOW_MS = 1000;

export async function fuzz(
  name: string,
  count: number,
  seed: number,
  generate: (rng: Rng, index: number) => string,
  check: (input: string) => Promise<Verdict>,
  warmUp?: string,
): Promise<FuzzReport> {
  // Loading libraries (mermaid takes seconds) is not the first input's time.
  if (warmUp !== undefined) await check(warmUp);
  const rng = new Rng(seed);
  const failures: FuzzFailure[] = [];
  const outcomes: Record<string, number> = {};
  let uncaught = 0;
  let engineThrows = 0;
  let slow = 0;
  let slowestMs = 0;
  const started = performance.now();
  for (let index = 0; index < count; index++) {
    const input = generate(rng, index);
    const t0 = performance.now();
    let verdict: Verdict;
    try {
      verdict = await check(input);
    } catch (error) {
      uncaught++;
      verdict = { outcome: 'uncaught', problems: [{ rule: 'uncaught', detail: describe(error) }] };
    }
    const ms = performance.now() - t0;
    slowestMs = Math.max(slowestMs, ms);
    if (ms > SLOW_MS) {
      slow++;
      failures.push({ index, rule: 'slow', detail: `${Math.round(ms)} ms`, input: clip(input) });
    }
    outcomes[verdict.outcome] = (outcomes[verdict.outcome] ?? 0) + 1;
    for (const problem of verdict.problems ?? []) {
      if (problem.rule === 'engine-throw') engineThrows++;
      if (failures.length < 50) failures.push({ index, ...problem, input: clip(input) });
    }
  }
  return {
    name,
    inputs: count,
    failures,
    uncaught,
    engineThrows,
    slow,
    slowestMs,
    seconds: (performance.now() - started) / 1000,
    outcomes,
  };
}

export function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 300) : String(error);
}

function clip(text: string): string {
  return text.length <= 2000 ? text : `${text.slice(0, 2000)}…`;
}

/** Words that only mermaid's or JavaScript's internals say: never part of a message shown to people. */
export const INTERNAL_WORDS =
  /\uFB02|\xB6\xDF|Parse error|Expecting |Lexical error|Unrecognized text|TypeError|ReferenceError|RangeError|Cannot read|is not a function|undefined|\[object |NaN|DOMPurify/;
