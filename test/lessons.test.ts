import { describe, expect, it } from 'vitest';
import { parseMermaid, toMermaid } from '../src/mermaid';
import { LESSON_TOPICS, type Lesson } from '../src/model/lesson-types';
import { LESSONS } from '../src/model/lessons';
import type { ArchDocument, ScenarioStep } from '../src/model/types';
import { validateDocument } from '../src/model/validate';
import { decodeLink, encodeLink } from '../src/share/link';
import { answerOf, numbersOfReport } from '../src/analysis/lesson-answer';
import { metricOf } from '../src/sim/lesson-progress';
import { runReport, type RunReport } from '../src/analysis/report';
import type { SecondRow } from '../src/sim/results';
import { runAll } from './support/run';

async function lessonDocument(mermaid: string): Promise<ArchDocument & { lesson: Lesson }> {
  const parsed = await parseMermaid(mermaid);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  if (!parsed.document.lesson) throw new Error('no lesson');
  return parsed.document as ArchDocument & { lesson: Lesson };
}

/** The learner's fault actions as scenario steps: the first at 30 s, each next one 30 s later. */
function rehearsal(doc: ArchDocument & { lesson: Lesson }): { doc: ArchDocument; times: number[] } {
  const times: number[] = [];
  const steps: ScenarioStep[] = [];
  for (const step of doc.lesson.steps) {
    const c = step.condition;
    if (c.when === 'fail' || c.when === 'recover') {
      const atSec = 30 * (steps.length + 1);
      steps.push({ atSec, action: c.when, target: c.target });
      times.push(atSec);
    }
  }
  return { doc: { ...doc, scenario: [...doc.scenario, ...steps] }, times };
}

/** Walks the steps over the report's timeline: each step must become true, in order. Returns its times. */
function walk(
  lesson: Lesson,
  report: RunReport,
  rows: readonly SecondRow[],
  faultTimes: readonly number[],
): number[] {
  let cursor = 0;
  let fault = 0;
  return lesson.steps.map((step) => {
    const c = step.condition;
    switch (c.when) {
      case 'fail':
      case 'recover':
        cursor = Math.max(cursor, faultTimes[fault++] ?? Infinity);
        break;
      case 'time':
        cursor = Math.max(cursor, c.atSec);
        break;
      case 'wait':
        cursor += c.forSec;
        break;
      case 'event': {
        const e = report.events.find(
          (ev) => ev.t >= cursor && ev.type === c.event && (c.target === undefined || ev.target === c.target),
        );
        cursor = e?.t ?? Infinity;
        break;
      }
      case 'metric': {
        const row = rows.find(
          (r) =>
            r.t + 1 >= cursor &&
            (c.above !== undefined
              ? metricOf(c.metric, r) > c.above
              : metricOf(c.metric, r) < (c.below ?? 0)),
        );
        cursor = row ? row.t + 1 : Infinity;
        break;
      }
      case 'done':
        cursor = report.duration_s;
        break;
      case 'play':
      case 'select':
      case 'panel':
        break;
    }
    return cursor;
  });
}

describe('lessons', () => {
  it('cover every topic of the article', () => {
    for (const topic of LESSON_TOPICS) expect(LESSONS.some((l) => l.topic === topic)).toBe(true);
  });

  it.each(LESSONS.map((l) => [l.id, l] as const))(
    '%s loads, validates, and its question is answered by its own run',
    async (_, source) => {
      const doc = await lessonDocument(source.mermaid);
      expect(doc.lesson.topic).toBe(source.topic);
      expect(validateDocument(doc)).toEqual([]);
      expect(doc.lesson.steps.length).toBeGreaterThanOrEqual(3);
      expect(doc.lesson.question).toBeDefined();
      const nodeIds = new Set(doc.nodes.map((n) => n.id));
      for (const step of doc.lesson.steps)
        if ('target' in step.condition && step.condition.when !== 'event')
          expect(nodeIds.has(step.condition.target)).toBe(true);

      const { doc: rehearsed, times } = rehearsal(doc);
      const report = runReport(rehearsed);
      const stepTimes = walk(doc.lesson, report, runAll(rehearsed).rows, times);
      expect(stepTimes.every(Number.isFinite), `step times ${stepTimes.join(', ')}`).toBe(true);
      const question = doc.lesson.question;
      if (!question) throw new Error('no question');
      const answer = answerOf(question.answer, numbersOfReport(report), rehearsed);
      expect(answer, question.text).toBeDefined();
      expect(answer).toBeGreaterThan(0);
      expect(Number.isFinite(answer)).toBe(true);
    },
  );

  it.each(LESSONS.map((l) => [l.id, l] as const))(
    '%s round-trips through Mermaid and a link',
    async (_, s) => {
      const doc = await lessonDocument(s.mermaid);
      const again = await parseMermaid(toMermaid(doc));
      if (!again.ok) throw new Error(JSON.stringify(again.errors));
      expect(again.document).toEqual(doc);
      const decoded = await decodeLink(await encodeLink(doc));
      expect(decoded.ok && decoded.document).toEqual(doc);
    },
  );
});
