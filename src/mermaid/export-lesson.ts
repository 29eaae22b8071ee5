/**
 * A lesson back to its annotation lines (the reverse of annotation-lesson.ts); values exact so that
 * importing the text gives the same lesson.
 */
import type { Lesson, LessonCondition } from '../model/lesson-types';
import { formatDurationMsExact } from '../model/units';

const quoted = (text: string) => JSON.stringify(text);

/** `%% @lesson …`, one `%% @step …` per step, then `%% @question …`. */
export function lessonLines(lesson: Lesson): string[] {
  const summary = lesson.summary !== '' ? ` summary=${quoted(lesson.summary)}` : '';
  const out = [`%% @lesson title=${quoted(lesson.title)} topic=${lesson.topic}${summary}`];
  for (const step of lesson.steps)
    out.push(
      `%% @step text=${quoted(step.text)} when=${step.condition.when}${conditionPairs(step.condition)}`,
    );
  const q = lesson.question;
  if (q) out.push(`%% @question text=${quoted(q.text)} answer=${q.answer} tolerance=${q.tolerance}`);
  return out;
}

function conditionPairs(c: LessonCondition): string {
  switch (c.when) {
    case 'play':
    case 'done':
      return '';
    case 'fail':
    case 'recover':
    case 'select':
      return ` target=${c.target}`;
    case 'panel':
      return ` panel=${c.panel}`;
    case 'time':
      return ` at=${c.atSec}s`;
    case 'wait':
      return ` for=${c.forSec}s`;
    case 'event':
      return ` event=${c.event}${c.target !== undefined ? ` target=${targetValue(c.target)}` : ''}`;
    case 'metric': {
      const [key, value] = c.above !== undefined ? ['above', c.above] : ['below', c.below ?? 0];
      const text = c.metric === 'p99' ? formatDurationMsExact(value) : String(value);
      return ` metric=${c.metric} ${key}=${text}`;
    }
  }
}

/** Alert ids may hold spaces or quotes: written as JSON strings then. */
function targetValue(target: string): string {
  return /^[^\s"=()]+$/.test(target) ? target : quoted(target);
}
