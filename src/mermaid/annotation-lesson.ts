/**
 * A lesson's script in annotations (README.md, "Lessons"):
 *
 *   %% @lesson title="Failover" topic=failover summary="What the detection window costs."
 *   %% @step text="Press Play" when=play
 *   %% @step text="Fail Server 1" when=fail target=Server1
 *   %% @step text="Watch the errors for 6 seconds" when=wait for=6s
 *   %% @question text="How many requests failed?" answer=window_failed tolerance=10%
 *
 * Structure only: whether the targets exist is checked by validateDocument, with field paths.
 */
import {
  ANSWER_METRICS,
  LESSON_CONDITIONS,
  LESSON_EVENTS,
  LESSON_METRICS,
  LESSON_PANELS,
  LESSON_TOPICS,
  type AnswerMetric,
  type Lesson,
  type LessonCondition,
  type LessonConditionKind,
  type LessonEvent,
  type LessonMetric,
  type LessonPanel,
  type LessonQuestion,
  type LessonStep,
  type LessonTopic,
} from '../model/lesson-types';
import { parseDurationMs, parseProbability, type Parsed } from '../model/units';
import type { Annotation, LessonPart, Pair } from './annotations';
import type { DiagnosticReport as Report } from './diagnostics';
import { parseSeconds } from './annotation-scenario';

type PartAnnotation = Extract<Annotation, { type: LessonPart }>;

/** Keys that only lesson lines use: a `@step` line without them is a node called "step" (old files). */
export const LESSON_KEYS: ReadonlySet<string> = new Set(['title', 'topic', 'text', 'when', 'answer']);

/** Reads the lesson lines (in order) into a lesson; undefined when there are none or one is wrong. */
export function readLesson(parts: readonly PartAnnotation[], report: Report): Lesson | undefined {
  if (parts.length === 0) return undefined;
  const heads = parts.filter((part) => part.type === 'lesson');
  const first = parts[0];
  if (heads.length === 0 && first) {
    report.error(first.head, `@${first.type} needs a %% @lesson title="…" topic=… line`);
    return undefined;
  }
  if (heads.length > 1 && heads[1]) {
    report.error(heads[1].head, 'a document holds one lesson: @lesson appears twice');
    return undefined;
  }
  const questions = parts.filter((part) => part.type === 'question');
  if (questions.length > 1 && questions[1]) {
    report.error(questions[1].head, 'a lesson has one question: @question appears twice');
    return undefined;
  }
  const head = heads[0] as PartAnnotation;
  const pairs = readKeys(head, ['title', 'topic', 'summary'], ['title', 'topic'], report);
  if (!pairs) return undefined;
  const topic = pairs.topic?.value.text as LessonTopic;
  if (!LESSON_TOPICS.includes(topic)) {
    report.error(pairs.topic?.value ?? head.head, `unknown topic (use ${LESSON_TOPICS.join(', ')})`);
    return undefined;
  }
  const steps: LessonStep[] = [];
  for (const part of parts) {
    if (part.type !== 'step') continue;
    const step = readLessonStep(part, report);
    if (!step) return undefined;
    steps.push(step);
  }
  const questionLine = questions[0];
  const question = questionLine ? readQuestion(questionLine, report) : undefined;
  if (questionLine && !question) return undefined;
  return {
    title: pairs.title?.value.text ?? '',
    topic,
    summary: pairs.summary?.value.text ?? '',
    steps,
    ...(question ? { question } : {}),
  };
}

/** The line's pairs by key, refusing unknown and missing keys. */
function readKeys(
  part: PartAnnotation,
  allowed: readonly string[],
  required: readonly string[],
  report: Report,
): Partial<Record<string, Pair>> | undefined {
  const out: Partial<Record<string, Pair>> = {};
  for (const pair of part.pairs) {
    if (!allowed.includes(pair.key.text)) {
      report.error(
        pair.key,
        `unknown key "${pair.key.text}" for @${part.type} (keys: ${allowed.join(', ')})`,
      );
      return undefined;
    }
    out[pair.key.text] = pair;
  }
  const missing = required.filter((key) => !out[key]);
  if (missing.length > 0) {
    report.error(part.head, `@${part.type} needs ${missing.join(', ')}`, EXAMPLES[part.type]);
    return undefined;
  }
  return out;
}

const EXAMPLES: Readonly<Record<LessonPart, string>> = {
  lesson: 'example: %% @lesson title="Failover" topic=failover summary="…"',
  step: 'example: %% @step text="Fail Server 1" when=fail target=Server1',
  question: 'example: %% @question text="How many requests failed?" answer=failed tolerance=10%',
};

/** Extra keys each condition takes; those marked `?` may be left out. */
const CONDITION_KEYS: Readonly<Record<LessonConditionKind, readonly string[]>> = {
  play: [],
  fail: ['target'],
  recover: ['target'],
  select: ['target'],
  panel: ['panel'],
  time: ['at'],
  wait: ['for'],
  event: ['event', 'target?'],
  metric: ['metric', 'above?', 'below?'],
  done: [],
};

function readLessonStep(part: PartAnnotation, report: Report): LessonStep | undefined {
  const whenPair = part.pairs.find((pair) => pair.key.text === 'when');
  const when = (whenPair?.value.text ?? '') as LessonConditionKind;
  if (whenPair && !LESSON_CONDITIONS.includes(when)) {
    report.error(whenPair.value, `unknown condition "${when}" (use ${LESSON_CONDITIONS.join(', ')})`);
    return undefined;
  }
  const keys = whenPair ? CONDITION_KEYS[when] : [];
  const extra = keys.map((key) => key.replace(/\?$/, ''));
  const required = keys.filter((key) => !key.endsWith('?'));
  const pairs = readKeys(part, ['text', 'when', ...extra], ['text', 'when', ...required], report);
  if (!pairs) return undefined;
  const condition = readCondition(when, pairs, part, report);
  return condition ? { text: pairs.text?.value.text ?? '', condition } : undefined;
}

function readCondition(
  when: LessonConditionKind,
  pairs: Partial<Record<string, Pair>>,
  part: PartAnnotation,
  report: Report,
): LessonCondition | undefined {
  const text = (key: string) => pairs[key]?.value.text ?? '';
  const seconds = (key: string) => {
    const parsed = parseSeconds(text(key));
    if (parsed.ok) return parsed.value;
    report.error(pairs[key]?.value ?? part.head, `@step ${key}: ${parsed.error}`);
    return undefined;
  };
  switch (when) {
    case 'play':
    case 'done':
      return { when };
    case 'fail':
    case 'recover':
    case 'select':
      return { when, target: text('target') };
    case 'panel':
      if (!LESSON_PANELS.includes(text('panel') as LessonPanel)) {
        report.error(pairs.panel?.value ?? part.head, `unknown panel (use ${LESSON_PANELS.join(', ')})`);
        return undefined;
      }
      return { when, panel: text('panel') as LessonPanel };
    case 'time': {
      const atSec = seconds('at');
      return atSec === undefined ? undefined : { when, atSec };
    }
    case 'wait': {
      const forSec = seconds('for');
      return forSec === undefined ? undefined : { when, forSec };
    }
    case 'event': {
      const event = text('event') as LessonEvent;
      if (!LESSON_EVENTS.includes(event)) {
        report.error(pairs.event?.value ?? part.head, `unknown event (use ${LESSON_EVENTS.join(', ')})`);
        return undefined;
      }
      return { when, event, ...(pairs.target ? { target: text('target') } : {}) };
    }
    case 'metric':
      return readMetricCondition(pairs, part, report);
  }
}

/** Threshold readers: error rate as a share (`5%`), p99 as a duration (`250ms`), others as numbers. */
const THRESHOLD: Readonly<Record<LessonMetric, (text: string) => Parsed<number>>> = {
  error_rate: parseProbability,
  p99: (text) => parseDurationMs(text),
  backlog: plainNumber,
  throughput: (text) => plainNumber(text.replace(/\/s$/, '')),
};

function plainNumber(text: string): Parsed<number> {
  const value = Number(text);
  return text.trim() !== '' && Number.isFinite(value) && value >= 0
    ? { ok: true, value }
    : { ok: false, error: 'expected a number ≥ 0' };
}

function readMetricCondition(
  pairs: Partial<Record<string, Pair>>,
  part: PartAnnotation,
  report: Report,
): LessonCondition | undefined {
  const metricPair = pairs.metric as Pair;
  const metric = metricPair.value.text as LessonMetric;
  if (!LESSON_METRICS.includes(metric)) {
    report.error(metricPair.value, `unknown metric (use ${LESSON_METRICS.join(', ')})`);
    return undefined;
  }
  const bound = pairs.above ?? pairs.below;
  if (!bound || (pairs.above && pairs.below)) {
    report.error(part.head, '@step when=metric needs exactly one of above= or below=');
    return undefined;
  }
  const parsed = THRESHOLD[metric](bound.value.text);
  if (!parsed.ok || !Number.isFinite(parsed.value)) {
    report.error(bound.value, `@step ${bound.key.text}: ${parsed.ok ? 'must be finite' : parsed.error}`);
    return undefined;
  }
  return { when: 'metric', metric, [pairs.above ? 'above' : 'below']: parsed.value };
}

function readQuestion(part: PartAnnotation, report: Report): LessonQuestion | undefined {
  const pairs = readKeys(part, ['text', 'answer', 'tolerance'], ['text', 'answer'], report);
  if (!pairs) return undefined;
  const answer = pairs.answer?.value.text as AnswerMetric;
  if (!ANSWER_METRICS.includes(answer)) {
    report.error(pairs.answer?.value ?? part.head, `unknown figure (use ${ANSWER_METRICS.join(', ')})`);
    return undefined;
  }
  let tolerance = 0.1;
  if (pairs.tolerance) {
    const parsed = parseProbability(pairs.tolerance.value.text);
    if (!parsed.ok) {
      report.error(pairs.tolerance.value, `@question tolerance: ${parsed.error}`);
      return undefined;
    }
    tolerance = parsed.value;
  }
  return { text: pairs.text?.value.text ?? '', answer, tolerance };
}

/** Whether a lesson line is really an old-style annotation of a node named lesson, step or question. */
export function isNodeLine(part: PartAnnotation, ids: ReadonlySet<string>): boolean {
  return ids.has(part.head.text) && !part.pairs.some((pair) => LESSON_KEYS.has(pair.key.text));
}
