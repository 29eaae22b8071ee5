import type { ArchDocument } from '../model/types';
import { answerIsClose, answerOf, numbersOfRun } from '../analysis/lesson-answer';
import { conditionMetAt, type LessonAction } from '../sim/lesson-progress';
import type { RunTotals, SecondRow, SimEvent } from '../sim/results';

/** The person's answer to the lesson's question and the run's own figure (undefined: not produced yet). */
export interface LessonAnswer {
  readonly given: number;
  readonly actual: number | undefined;
  readonly close: boolean;
}

export interface LessonState {
  /**
   * Index of the current step: of the lesson's steps when the document has a lesson (its length: all
   * done, the question is shown), else of the scenario's steps (presenter mode walks them with N/P).
   */
  readonly lessonStep: number;
  /** Simulated time at which the current step became current ("wait 6 s" counts from here). */
  readonly lessonSinceSec: number;
  /** What the user did since the current step became current. */
  readonly lessonActions: readonly LessonAction[];
  readonly lessonAnswer: LessonAnswer | null;
  /** Presenter mode: full screen, large type, keyboard control, captions. */
  readonly presenting: boolean;
  /** The caption on screen in presenter mode; `id` tells two equal texts apart. */
  readonly caption: { readonly text: string; readonly id: number } | null;
}

export interface LessonActions {
  /** Opens a document (a lesson, a trainer's link) at step 1; the run restarts, paused. */
  openLessonDocument(doc: ArchDocument, options?: { readonly present?: boolean }): void;
  /** Back to step 1 of the open document's lesson, keeping the run. */
  restartLesson(): void;
  /** The run restarted from t = 0: the current step counts its waits from there. */
  lessonRunRestarted(): void;
  /** Records a user action, then advances the lesson if the current step's condition now holds. */
  noteLessonAction(action: LessonAction): void;
  /** Advances the lesson while the current step's condition holds on the run. */
  tickLesson(): void;
  /** Moves to the next (+1) or previous (-1) step by hand (presenter N/P, the panel's buttons). */
  goLessonStep(delta: 1 | -1): void;
  /** Points presenter mode at a scenario step (the one that just fired), for documents without a lesson. */
  showScenarioStep(index: number): void;
  /** Checks an answer against the figure of the run so far. */
  answerLesson(given: number): void;
  setPresenting(presenting: boolean): void;
  /** Puts a caption on screen (presenter mode), or takes it away with null. */
  showCaption(text: string | null): void;
  /** Shows a message in the app's notice strip (a trainer's link that could not be opened). */
  showLessonNotice(message: string): void;
}

export type LessonSlice = LessonState & LessonActions;

interface Deps {
  readonly doc: ArchDocument;
  readonly nowSec: number;
  readonly done: boolean;
  readonly events: readonly SimEvent[];
  readonly rows: readonly SecondRow[];
  readonly lastRow: SecondRow | null;
  readonly totals: RunTotals | null;
  clearSourceDraft(): void;
}

type Set = (
  partial: Partial<LessonState> & { selectedId?: string | null; showNodeSeries?: boolean; notice?: string },
) => void;
type Get = () => LessonState & Deps;

const FRESH = { lessonStep: 0, lessonSinceSec: 0, lessonActions: [], lessonAnswer: null } as const;

/** Number of steps presenter mode walks: the lesson's, else the scenario's. */
export function stepCountOf(doc: ArchDocument): number {
  return doc.lesson ? doc.lesson.steps.length : doc.scenario.length;
}

/** The slice, given the store's `set`/`get` and its way of restarting a run with a new document. */
export function lessonSlice(
  set: Set,
  get: Get,
  restart: (doc: ArchDocument, playing: boolean) => void,
): LessonSlice {
  const tick = () => {
    // Each pass advances one step; a condition that already holds lets the next step through at once.
    for (let guard = 0; guard < 100; guard++) {
      const s = get();
      const steps = s.doc.lesson?.steps;
      const step = steps?.[s.lessonStep];
      if (!steps || !step) return;
      const metAt = conditionMetAt(step.condition, s, s.lessonSinceSec, s.lessonActions);
      if (metAt === undefined) return;
      set({ lessonStep: s.lessonStep + 1, lessonSinceSec: metAt, lessonActions: [] });
    }
  };
  return {
    ...FRESH,
    presenting: false,
    caption: null,
    openLessonDocument: (doc, options = {}) => {
      set({
        ...FRESH,
        selectedId: null,
        showNodeSeries: false,
        presenting: options.present ?? get().presenting,
      });
      get().clearSourceDraft();
      restart(doc, false);
    },
    restartLesson: () => set({ ...FRESH }),
    lessonRunRestarted: () => set({ lessonSinceSec: 0 }),
    noteLessonAction: (action) => {
      if (!get().doc.lesson) return;
      set({ lessonActions: [...get().lessonActions, action] });
      tick();
    },
    tickLesson: tick,
    goLessonStep: (delta) => {
      const { doc, lessonStep, nowSec } = get();
      const last = doc.lesson ? doc.lesson.steps.length : Math.max(0, doc.scenario.length - 1);
      const next = Math.min(last, Math.max(0, lessonStep + delta));
      if (next !== lessonStep) set({ lessonStep: next, lessonSinceSec: nowSec, lessonActions: [] });
    },
    showScenarioStep: (index) => {
      if (!get().doc.lesson) set({ lessonStep: index });
    },
    answerLesson: (given) => {
      const { doc, totals, events, rows, nowSec } = get();
      const question = doc.lesson?.question;
      if (!question) return;
      const actual = totals
        ? answerOf(question.answer, numbersOfRun(totals, events, rows, nowSec), doc)
        : undefined;
      const close = actual !== undefined && answerIsClose(given, actual, question.tolerance);
      set({ lessonAnswer: { given, actual, close } });
    },
    setPresenting: (presenting) => set({ presenting }),
    showLessonNotice: (notice) => set({ notice }),
    showCaption: (text) =>
      set({ caption: text === null ? null : { text, id: (get().caption?.id ?? 0) + 1 } }),
  };
}
