import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACTIVE_ACTIVE } from '../src/model/presets';
import type { ArchDocument } from '../src/model/types';
import { explainRun, sum } from '../src/analysis/explain';
import { runReport } from '../src/analysis/report';

const seedWith = (scenario: ArchDocument['scenario'], durationSec = 120): ArchDocument => ({
  ...ACTIVE_ACTIVE.document,
  scenario,
  sim: { ...ACTIVE_ACTIVE.document.sim, durationSec },
});

describe('explain why', () => {
  it('tells the seed scenario in sentences that carry their numbers', () => {
    const doc = seedWith([{ atSec: 60.001, action: 'fail', target: 'Server1' }]);
    const text = explainRun(doc, runReport(doc)).map((s) => s.text);
    expect(text[0]).toBe('At 60.0 s Server 1 crashed.');
    expect(text[1]).toMatch(
      /^Load Balancer kept sending it traffic for 6\.0 s until 3 health checks failed: [\d,]+ requests failed\.$/,
    );
    expect(text[2]).toMatch(/^Server 2 then carried \d+ req\/s at \d+% utilization\.$/);
    expect(text[3]).toMatch(/^p99 (rose|fell) from \d+ ms to \d+ ms\.$|^p99 stayed at \d+ ms\.$/);
    expect(text.at(-1)).toBe('No sessions or writes were lost.');
  });

  it('quotes only numbers of the report, each where the report has it (random scenarios)', () => {
    const targets = ['Server1', 'Server2', 'DB', 'LoadBalancer'];
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            atSec: fc.double({ min: 1, max: 50, noNaN: true }),
            target: fc.constantFrom(...targets),
            action: fc.constantFrom('fail', 'recover', 'hang'),
          }),
          { maxLength: 3 },
        ),
        fc.integer({ min: 0, max: 1000 }),
        (steps, seed) => {
          const scenario = steps.map((s) =>
            s.action === 'hang'
              ? { atSec: s.atSec, action: 'fail' as const, target: s.target, mode: 'hang' as const }
              : { atSec: s.atSec, action: s.action as 'fail' | 'recover', target: s.target },
          );
          const doc = { ...seedWith(scenario, 60), sim: { ...seedWith(scenario, 60).sim, seed } };
          const report = runReport(doc);
          for (const sentence of explainRun(doc, report)) {
            // Every number printed belongs to a fact (labels such as "Server 1", the configured health-check
            // count and the name "p99" are not measurements), and every fact is recomputed from the report.
            const measured = sentence.text
              .replace(/Server \d+/g, '')
              .replace(/\d+ health checks?/g, '')
              .replace(/p99/g, '');
            for (const number of measured.match(/\d[\d,]*(?:\.\d+)?/g) ?? []) {
              expect(sentence.facts.some((f) => f.text.includes(number))).toBe(true);
            }
            for (const f of sentence.facts) expect(f.value).toBeCloseTo(recompute(report, f.source), 9);
          }
        },
      ),
      { numRuns: 25, seed: 11 },
    );
  });
});

/** Recomputes a fact from its source description, independently of explain.ts's own arithmetic. */
function recompute(report: ReturnType<typeof runReport>, source: string): number {
  let m = /^events\[(\d+)\]\.t - events\[(\d+)\]\.t$/.exec(source);
  if (m) return (report.events[Number(m[1])]?.t ?? NaN) - (report.events[Number(m[2])]?.t ?? NaN);
  m = /^events\[(\d+)\]\.t$/.exec(source);
  if (m) return report.events[Number(m[1])]?.t ?? NaN;
  m = /^series\[(\d+)\.\.(\d+)\]\.failed$/.exec(source);
  if (m) return sum(report.series, Number(m[1]), Number(m[2]), (r) => r.failed);
  m = /^mean\(series\[(\d+)\.\.(\d+)\]\.nodes\.(\w+)\.(arrivals|utilization)\)$/.exec(source);
  if (m) {
    const [from, to, id, field] = [
      Number(m[1]),
      Number(m[2]),
      m[3] as string,
      m[4] as 'arrivals' | 'utilization',
    ];
    return sum(report.series, from, to, (r) => r.nodes[id]?.[field] ?? 0) / (to - from);
  }
  m = /^mean\(series\[(\d+)\.\.(\d+)\]\.latency_ms\.p99\)$/.exec(source);
  if (m)
    return (
      sum(report.series, Number(m[1]), Number(m[2]), (r) => r.latency_ms.p99) / (Number(m[2]) - Number(m[1]))
    );
  if (source === 'totals.sessions_lost') return report.totals.sessions_lost;
  if (source === 'totals.writes_lost') return report.totals.writes_lost;
  throw new Error(`unknown source ${source}`);
}

describe('explain why names wasted work', () => {
  it('when most of a node’s completions answered callers that had given up (the stale-queue preset)', async () => {
    const { parseMermaid } = await import('../src/mermaid');
    const { STALE_QUEUE } = await import('../src/model/metastable-presets');
    const parsed = await parseMermaid(STALE_QUEUE);
    if (!parsed.ok) throw new Error('does not parse');
    const doc = { ...parsed.document, sim: { ...parsed.document.sim, durationSec: 80 } };
    const report = runReport(doc);
    const sentence = explainRun(doc, report).find((s) => s.text.includes('wasted'));
    expect(sentence?.text).toMatch(
      /^Most of API's work was wasted: [\d,]+ of its completions \(\d+%\) answered callers that had already given up/,
    );
    expect(sentence?.facts[0]?.value).toBe(report.nodes['API']?.wasted);
    // The seed run wastes nothing, and says nothing about it.
    const seed = seedWith([{ atSec: 60.001, action: 'fail', target: 'Server1' }]);
    expect(explainRun(seed, runReport(seed)).some((s) => s.text.includes('wasted'))).toBe(false);
  });
});
