/**
 * Checks of a document's lesson and scenario captions (validate.ts calls them): texts present and of a
 * sane length, steps that name existing nodes, groups, edges or alerts, thresholds and times in range.
 */
import {
  ANSWER_METRICS,
  LESSON_CONDITIONS,
  LESSON_EVENTS,
  LESSON_METRICS,
  LESSON_PANELS,
  LESSON_TOPICS,
  type Lesson,
  type LessonCondition,
} from './lesson-types';
import type { ArchDocument } from './types';

/** Longest text of a title, step, question or caption, in characters. */
export const MAX_LESSON_TEXT = 2000;
/** Most steps a lesson holds. */
export const MAX_LESSON_STEPS = 50;

type Report = (path: string, message: string) => void;

function checkText(text: string, path: string, report: Report): void {
  if (text.trim() === '') report(path, 'text cannot be empty');
  else if (text.length > MAX_LESSON_TEXT) report(path, `text is longer than ${MAX_LESSON_TEXT} characters`);
}

/** Scenario step captions: a caption, when present, is non-empty and not too long. */
export function validateCaptions(doc: ArchDocument, report: Report): void {
  doc.scenario.forEach((step, index) => {
    if (step.caption !== undefined) checkText(step.caption, `scenario.${index}.caption`, report);
  });
}

/** The lesson's fields, with paths such as `lesson.steps.2.target`. */
export function validateLesson(doc: ArchDocument, lesson: Lesson, report: Report): void {
  checkText(lesson.title, 'lesson.title', report);
  if (!LESSON_TOPICS.includes(lesson.topic))
    report('lesson.topic', `unknown topic "${lesson.topic}" (use ${LESSON_TOPICS.join(', ')})`);
  if (lesson.summary.length > MAX_LESSON_TEXT)
    report('lesson.summary', `text is longer than ${MAX_LESSON_TEXT} characters`);
  if (lesson.steps.length === 0) report('lesson.steps', 'a lesson needs at least one step');
  if (lesson.steps.length > MAX_LESSON_STEPS)
    report('lesson.steps', `a lesson has at most ${MAX_LESSON_STEPS} steps`);
  const nodes = new Set(doc.nodes.map((n) => n.id));
  const groups = new Set(doc.groups.map((g) => g.id));
  const edges = new Set(doc.edges.map((e) => e.id));
  const alerts = new Set((doc.alerts ?? []).map((a) => a.id));
  lesson.steps.forEach((step, index) => {
    const at = (field: string, message: string) => report(`lesson.steps.${index}.${field}`, message);
    checkText(step.text, `lesson.steps.${index}.text`, report);
    checkCondition(step.condition, at, { nodes, groups, edges, alerts });
  });
  const question = lesson.question;
  if (question) {
    checkText(question.text, 'lesson.question.text', report);
    if (!ANSWER_METRICS.includes(question.answer))
      report(
        'lesson.question.answer',
        `unknown figure "${question.answer}" (use ${ANSWER_METRICS.join(', ')})`,
      );
    if (!(question.tolerance >= 0 && question.tolerance <= 1))
      report('lesson.question.tolerance', 'tolerance is a share from 0 to 1 (0% to 100%)');
  }
}

interface Ids {
  readonly nodes: ReadonlySet<string>;
  readonly groups: ReadonlySet<string>;
  readonly edges: ReadonlySet<string>;
  readonly alerts: ReadonlySet<string>;
}

function checkCondition(c: LessonCondition, at: (field: string, message: string) => void, ids: Ids): void {
  if (!LESSON_CONDITIONS.includes(c.when)) {
    at('when', `unknown condition "${String(c.when)}" (use ${LESSON_CONDITIONS.join(', ')})`);
    return;
  }
  switch (c.when) {
    case 'fail':
    case 'recover':
      if (!ids.nodes.has(c.target) && !ids.groups.has(c.target))
        at('target', `node or group "${c.target}" does not exist`);
      return;
    case 'select':
      if (!ids.nodes.has(c.target)) at('target', `node "${c.target}" does not exist`);
      return;
    case 'panel':
      if (!LESSON_PANELS.includes(c.panel)) at('panel', `unknown panel (use ${LESSON_PANELS.join(', ')})`);
      return;
    case 'time':
      if (!(Number.isFinite(c.atSec) && c.atSec >= 0)) at('atSec', 'time must be a finite number ≥ 0');
      return;
    case 'wait':
      if (!(Number.isFinite(c.forSec) && c.forSec > 0)) at('forSec', 'wait must be a finite time above 0');
      return;
    case 'event': {
      if (!LESSON_EVENTS.includes(c.event))
        at('event', `unknown event "${c.event}" (use ${LESSON_EVENTS.join(', ')})`);
      const isAlert = c.event === 'alert-firing' || c.event === 'alert-resolved';
      const known = isAlert ? ids.alerts : new Set([...ids.nodes, ...ids.groups, ...ids.edges]);
      if (c.target !== undefined && !known.has(c.target))
        at('target', `${isAlert ? 'alert' : 'node, group or edge'} "${c.target}" does not exist`);
      return;
    }
    case 'metric':
      if (!LESSON_METRICS.includes(c.metric))
        at('metric', `unknown metric (use ${LESSON_METRICS.join(', ')})`);
      if ((c.above === undefined) === (c.below === undefined))
        at('above', 'a metric condition needs exactly one of above= or below=');
      for (const value of [c.above, c.below])
        if (value !== undefined && !(Number.isFinite(value) && value >= 0))
          at(c.above === value ? 'above' : 'below', 'threshold must be a finite number ≥ 0');
      return;
    case 'play':
    case 'done':
      return;
  }
}
