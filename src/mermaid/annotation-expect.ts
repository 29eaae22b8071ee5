/**
 * Expectations in annotations (README.md, "Expectations"; DESIGN.md §5):
 *
 *   %% @expect availability >= 99.9%
 *   %% @expect p99 <= 250ms during 60s..120s
 *   %% @expect S1.utilization < 80%
 *   %% @expect sweep availability >= 99%
 *   %% @expect availability >= 99.9% at 95%
 *
 * The text after `@expect` is the expectation's text form (src/model/expectation-text.ts); a mistake is
 * reported at the word it is about. Whether a node named in it exists is checked by validateDocument.
 */
import { formatExpectation, parseExpectation } from '../model/expectation-text';
import type { Expectation } from '../model/expectation-types';
import type { Annotation } from './annotations';
import type { DiagnosticReport as Report } from './diagnostics';

type ExpectAnnotation = Extract<Annotation, { type: 'expect' }>;

/** Reads one `%% @expect …` line; undefined (and an error at the faulty word) when it is wrong. */
export function readExpectation(annotation: ExpectAnnotation, report: Report): Expectation | undefined {
  const { body } = annotation;
  if (body.text === '') {
    report.error(
      { line: body.line, column: body.column },
      '@expect needs an expectation',
      'example: %% @expect availability >= 99.9%',
    );
    return undefined;
  }
  const parsed = parseExpectation(body.text);
  if (parsed.ok) return parsed.expectation;
  report.error({ line: body.line, column: body.column + parsed.offset }, parsed.error, parsed.hint);
  return undefined;
}

/**
 * Whether an `@expect` line is really the parameters of a node or subgraph called `expect` (written
 * before expectations existed): the diagram has such an id and every word is key=value.
 */
export function isExpectNodeLine(annotation: ExpectAnnotation, ids: ReadonlySet<string>): boolean {
  const words = annotation.body.text.split(/\s+/).filter((word) => word !== '');
  return ids.has('expect') && words.length > 0 && words.every((word) => /^[^=<>!\s]+=[^=]/.test(word));
}

/** `%% @expect …`, one line per expectation, in order (reads back to the same expectations). */
export function expectationLines(expectations: readonly Expectation[]): string[] {
  return expectations.map((e) => `%% @expect ${formatExpectation(e)}`);
}
