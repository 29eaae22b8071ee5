// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { runReport } from '../src/analysis/report';
import { parseMermaid } from '../src/mermaid';
import type { ArchDocument } from '../src/model/types';
import { documentFromJson, documentToJson } from '../src/share/document-json';
import { BAD_LINE, BASE, BASE_JSON, CASES } from './support/overload-bad-input';

/**
 * The overload keys' bad values in Mermaid annotations: each an error at the line and column of the
 * value, and nothing read (the JSON and link side: test/share/overload-bad-input.test.ts).
 */
async function baseDocument(): Promise<ArchDocument> {
  const result = await parseMermaid(BASE.join('\n'));
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.document;
}

describe('bad values of the overload keys, in Mermaid', () => {
  it('the base document is valid and is the JSON side’s base', async () => {
    expect(documentToJson(await baseDocument())).toBe(BASE_JSON);
  });

  it.each(CASES)('$line is refused at its value', async ({ line, value, message }) => {
    const result = await parseMermaid([...BASE, line].join('\n'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(1);
    const [error] = result.errors;
    expect(error?.message).toContain(message);
    expect(error?.line).toBe(BAD_LINE);
    expect(error?.column).toBe(line.lastIndexOf(value) + 1);
  });

  it('shed=0 is allowed (nothing may wait: work is served at once or shed) and behaves so', async () => {
    const result = await parseMermaid([...BASE, '%% @API shed=0 workers=1'].join('\n'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const report = runReport(result.document);
    expect(report.nodes['API']?.mean_queue).toBe(0);
    expect(report.totals.errors_by_cause['shed']).toBeGreaterThan(0);
  });

  it('think= on an open-loop client: a notice at the key, accepted from JSON, and no NaN anywhere', async () => {
    const open = [
      ...BASE.slice(0, 3),
      '%% @Users kind=client rate=50/s think=exp(1s) keys=zipf(1000,1)',
      ...BASE.slice(4),
    ];
    const result = await parseMermaid(open.join('\n'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.notices).toEqual([
      expect.objectContaining({
        line: 4,
        column: 33,
        message: expect.stringContaining('closed-loop clients only'),
      }),
    ]);
    expect(documentFromJson(documentToJson(result.document)).ok).toBe(true);
    const report = runReport(result.document, { detailedSeries: true });
    // Sent at its rate, the think time unused.
    expect(Math.abs(report.totals.requests / 20 - 50) / 50).toBeLessThan(0.2);
    const text = JSON.stringify(report);
    expect(text).not.toContain('NaN');
    expect(text).not.toContain('null');
  });
});
