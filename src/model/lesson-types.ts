/**
 * A lesson (issue "Teaching and demos"): a document that carries a short script. Each step says what to
 * do or watch and the condition that advances it; the lesson ends with a question whose answer is
 * computed from the run's own numbers (src/sim/lesson-answer.ts). Pure data, JSON-serialisable.
 */

/** The topics of the seed article; every topic has at least one lesson (src/model/lessons/). */
export const LESSON_TOPICS = [
  'active-active',
  'load-balancing',
  'failover',
  'replication',
  'sessions',
  'queues',
  'monitoring',
  'geography',
  'cost',
  'metastable',
] as const;

export type LessonTopic = (typeof LESSON_TOPICS)[number];

/** Panels a step can ask the user to open. */
export const LESSON_PANELS = ['source'] as const;
export type LessonPanel = (typeof LESSON_PANELS)[number];

/** Run events a step can wait for (the engine's SimEventType names; the model cannot import the engine). */
export const LESSON_EVENTS = [
  'fail',
  'hang',
  'recover',
  'degrade',
  'partition',
  'load',
  'flush',
  'hc-down',
  'hc-up',
  'eject',
  'promote',
  'breaker-open',
  'breaker-close',
  'alert-firing',
  'alert-resolved',
] as const;
export type LessonEvent = (typeof LESSON_EVENTS)[number];

/** Whole-system per-second figures a step can watch: error rate (a share), p99 (ms), backlog (messages). */
export const LESSON_METRICS = ['error_rate', 'p99', 'backlog', 'throughput'] as const;
export type LessonMetric = (typeof LESSON_METRICS)[number];

/**
 * What advances a step. User actions (`play`, `fail`, `recover`, `select`, `panel`) count only when done
 * while the step is current; simulation conditions hold on the run: simulated time at least `atSec`,
 * `forSec` simulated seconds since the step became current, an event (optionally on a target) since the
 * step became current, the last whole second's metric above or below a threshold, or the run's end.
 */
export type LessonCondition =
  | { readonly when: 'play' }
  | { readonly when: 'fail' | 'recover' | 'select'; readonly target: string }
  | { readonly when: 'panel'; readonly panel: LessonPanel }
  | { readonly when: 'time'; readonly atSec: number }
  | { readonly when: 'wait'; readonly forSec: number }
  | { readonly when: 'event'; readonly event: LessonEvent; readonly target?: string }
  | {
      readonly when: 'metric';
      readonly metric: LessonMetric;
      readonly above?: number;
      readonly below?: number;
    }
  | { readonly when: 'done' };

export type LessonConditionKind = LessonCondition['when'];

export const LESSON_CONDITIONS: readonly LessonConditionKind[] = [
  'play',
  'fail',
  'recover',
  'select',
  'panel',
  'time',
  'wait',
  'event',
  'metric',
  'done',
];

export interface LessonStep {
  /** What to do or watch, one short sentence ("Fail Server 1"). */
  readonly text: string;
  readonly condition: LessonCondition;
}

/**
 * Figures of a run a question can ask for. Totals as the run report names them; `detection_s` is the
 * time from the first fault to the first health check marking a node down (or promotion, or alert);
 * `window_failed` the requests failed during that window; `alert_after_s` the time from the first fault
 * to the first alert; `cost_per_million` the document's running cost per million successful requests.
 */
export const ANSWER_METRICS = [
  'failed',
  'ok',
  'availability',
  'p99_ms',
  'writes_lost',
  'sessions_lost',
  'redeliveries',
  'duplicates',
  'detection_s',
  'window_failed',
  'alert_after_s',
  'cost_per_million',
  'conflicts',
  'lost_updates',
  'wasted',
] as const;
export type AnswerMetric = (typeof ANSWER_METRICS)[number];

export interface LessonQuestion {
  readonly text: string;
  readonly answer: AnswerMetric;
  /** Relative tolerance of a numeric answer (0.1 = within 10% of the run's figure). */
  readonly tolerance: number;
}

export interface Lesson {
  readonly title: string;
  readonly topic: LessonTopic;
  /** The lesson's document: a few sentences on what the architecture shows and why. */
  readonly summary: string;
  readonly steps: readonly LessonStep[];
  readonly question?: LessonQuestion;
}
