import { describe, expect, it } from 'vitest';
import { answerOf, numbersOfReport, numbersOfRun } from '../src/analysis/lesson-answer';
import { mitigationOf } from '../src/analysis/mitigation';
import { runReport } from '../src/analysis/report';
import { parseMermaid } from '../src/mermaid';
import { LESSONS } from '../src/model/lessons';
import { GALLERY } from '../src/model/preset-gallery';
import type { ArchDocument } from '../src/model/types';
import { formatShare } from '../src/ui/format';
import { runAll, sumOver } from './support/run';

/**
 * The lessons on metastable failures (README "Metastable failures"): each is its gallery preset with a
 * shorter run, its run collapses after the trigger as its summary says, its question's figure is the one
 * the page's run totals show, and the preset's mitigation, offered in one click, improves that figure.
 */
const METASTABLE_LESSONS = LESSONS.filter((l) => l.topic === 'metastable');

async function documentOf(mermaid: string): Promise<ArchDocument> {
  const parsed = await parseMermaid(mermaid);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.document;
}

/** Whether figure `b` is better than `a` for a question: availability up, counts of harm down. */
const better = (metric: string, a: number, b: number) =>
  metric === 'availability' || metric === 'ok' ? b > a : b < a;

describe('metastable lessons', () => {
  it.each(METASTABLE_LESSONS.map((l) => [l.id, l] as const))(
    '%s: the preset’s design and trigger, collapsed after it, and the mitigation improves its figure',
    async (id, lesson) => {
      const doc = await documentOf(lesson.mermaid);
      const preset = GALLERY.find((p) => p.id === id);
      if (!preset) throw new Error(`no preset ${id}`);
      const presetDoc = await documentOf(preset.mermaid);
      expect(doc.name).toBe(presetDoc.name);
      expect(doc.nodes).toEqual(presetDoc.nodes);
      expect(doc.edges).toEqual(presetDoc.edges);
      expect(doc.scenario).toEqual(presetDoc.scenario);

      // After the last step of the scenario, most requests fail: the trigger is gone, the failure is not.
      const run = runAll(doc);
      const lastSec = Math.max(...doc.scenario.map((s) => s.atSec));
      const end = doc.sim.durationSec;
      const failedAfter = sumOver(run.rows, lastSec + 10, end, (r) => r.total.failed);
      const okAfter = sumOver(run.rows, lastSec + 10, end, (r) => r.total.ok);
      expect(failedAfter).toBeGreaterThan(2 * okAfter);

      // The page computes the answer from its live totals; a headless report gives the same figure.
      const question = doc.lesson?.question;
      if (!question) throw new Error('no question');
      const report = runReport(doc);
      const live = answerOf(question.answer, numbersOfRun(run.totals, run.events, run.rows, end), doc);
      const headless = answerOf(question.answer, numbersOfReport(report), doc);
      expect(live).toBe(headless);
      // And it is the figure the run totals show (RunTotalsPanel): availability to two decimals.
      if (question.answer === 'availability')
        expect(`${(live ?? NaN).toFixed(2)} %`).toBe(formatShare(run.totals.availability, 2));

      const mitigation = mitigationOf(doc);
      if (!mitigation) throw new Error('no mitigation offered');
      const b = mitigation.variant.apply(doc);
      const withIt = answerOf(question.answer, numbersOfReport(runReport(b)), b);
      expect(headless).toBeDefined();
      expect(withIt).toBeDefined();
      expect(better(question.answer, headless ?? 0, withIt ?? 0), `${headless} → ${withIt}`).toBe(true);
      // And it is back: goodput in the run's last 10 s is close to the offered load.
      const runB = runAll(b);
      const offered = sumOver(runB.rows, end - 10, end, (r) => r.total.requests);
      expect(sumOver(runB.rows, end - 10, end, (r) => r.total.ok)).toBeGreaterThan(0.9 * offered);
    },
  );

  it('the death spiral’s API serves what its summary says once every worker is busy', async () => {
    // 16 workers, each piece of work 2 ms × e^3.5 at full load: 16 / 0.0662 s ≈ 242 completions/s.
    const lesson = METASTABLE_LESSONS.find((l) => l.id === 'death-spiral');
    const doc = await documentOf(lesson?.mermaid ?? '');
    const rows = runAll(doc).rows;
    const perSec = sumOver(rows, 50, 90, (r) => r.nodes['API']?.completed ?? 0) / 40;
    expect(perSec).toBeGreaterThan(0.9 * (16 / (0.002 * Math.exp(3.5))));
    expect(perSec).toBeLessThan(1.1 * (16 / (0.002 * Math.exp(3.5))));
  });
});
