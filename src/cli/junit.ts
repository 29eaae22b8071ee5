import { formatFixed } from '../model/number-format';

/**
 * JUnit XML for `archplay test --junit FILE` (README.md, "Architecture tests in CI"): one test suite per
 * file, one test case per expectation; a failed expectation is a <failure>, a file that cannot be read
 * or run is an <error>. The format GitLab, Jenkins, GitHub test reporters and Azure Pipelines read.
 */

export interface JunitCase {
  readonly name: string;
  readonly status: 'pass' | 'fail' | 'error';
  /** One line: what was measured, or the error. */
  readonly message?: string;
  /** More lines shown in the report's details. */
  readonly details?: string;
}

export interface JunitSuite {
  readonly name: string;
  readonly timeSec: number;
  readonly cases: readonly JunitCase[];
}

/** Escapes text for an XML attribute or element, dropping characters XML 1.0 cannot hold. */
export function xmlEscape(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;');
}

const count = (cases: readonly JunitCase[], status: JunitCase['status']) =>
  cases.filter((c) => c.status === status).length;

/** The XML document for the suites. */
export function junitXml(suites: readonly JunitSuite[]): string {
  const all = suites.flatMap((s) => s.cases);
  const time = suites.reduce((sum, s) => sum + s.timeSec, 0);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="archplay test" tests="${all.length}" failures="${count(all, 'fail')}" errors="${count(all, 'error')}" time="${formatFixed(time, 3)}">`,
  ];
  for (const suite of suites) {
    const name = xmlEscape(suite.name);
    lines.push(
      `  <testsuite name="${name}" tests="${suite.cases.length}" failures="${count(suite.cases, 'fail')}" errors="${count(suite.cases, 'error')}" time="${formatFixed(suite.timeSec, 3)}">`,
    );
    for (const c of suite.cases) {
      const open = `    <testcase classname="${name}" name="${xmlEscape(c.name)}"`;
      if (c.status === 'pass') {
        lines.push(`${open}/>`);
        continue;
      }
      const tag = c.status === 'fail' ? 'failure' : 'error';
      const type = c.status === 'fail' ? 'expectation' : 'invalid';
      lines.push(
        `${open}>`,
        `      <${tag} message="${xmlEscape(c.message ?? '')}" type="${type}">${xmlEscape(c.details ?? c.message ?? '')}</${tag}>`,
        '    </testcase>',
      );
    }
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>', '');
  return lines.join('\n');
}
