import { beforeEach, describe, expect, it } from 'vitest';
import { ACTIVE_ACTIVE } from '../model/presets';
import type { ArchDocument } from '../model/types';
import type { LiveSnapshot, RunTotals, SimEvent } from '../sim/results';
import type { Batch } from '../worker/protocol';
import { useArchStore } from './store';

const live: LiveSnapshot = { nowSec: 0, nodes: {}, lbViews: {} };
const totals = { requests: 1, ok: 1, failed: 0, inFlight: 0 } as RunTotals;
const batch = (nowSec: number, events: SimEvent[] = []): Batch => ({
  type: 'batch',
  runId: useArchStore.getState().runId,
  nowSec,
  done: false,
  playing: true,
  rows: [],
  events,
  live: { ...live, nowSec },
  totals,
});

const LESSON_DOC: ArchDocument = {
  ...ACTIVE_ACTIVE.document,
  lesson: {
    title: 'Detection',
    topic: 'failover',
    summary: '',
    steps: [
      { text: 'Play', condition: { when: 'play' } },
      { text: 'Fail Server 1', condition: { when: 'fail', target: 'Server1' } },
      { text: 'Wait for hc-down', condition: { when: 'event', event: 'hc-down', target: 'Server1' } },
      { text: 'Wait 6 s', condition: { when: 'wait', forSec: 6 } },
    ],
  },
};

/** The store as the lesson tracker drives it: actions noted, run batches ticked. */
const s = () => useArchStore.getState();

describe('lesson progress in the store', () => {
  beforeEach(() => {
    s().attach(() => undefined);
    s().openLessonDocument(LESSON_DOC);
  });

  it('advances each step only when its condition holds', () => {
    expect(s().lessonStep).toBe(0);
    s().noteLessonAction({ kind: 'select', target: 'Server1' });
    s().noteLessonAction({ kind: 'fail', target: 'Server1' });
    expect(s().lessonStep).toBe(0);
    s().noteLessonAction({ kind: 'play' });
    expect(s().lessonStep).toBe(1);
    // The fail done before this step was current does not count; failing another node neither.
    s().tickLesson();
    s().noteLessonAction({ kind: 'fail', target: 'Server2' });
    expect(s().lessonStep).toBe(1);
    s().receive(batch(10));
    s().noteLessonAction({ kind: 'fail', target: 'Server1' });
    expect(s().lessonStep).toBe(2);
    expect(s().lessonSinceSec).toBe(10);
    // An hc-down on the other server, or before the step, does not count.
    s().receive(batch(12, [{ t: 12, type: 'hc-down', target: 'Server2' }]));
    s().tickLesson();
    expect(s().lessonStep).toBe(2);
    s().receive(batch(17, [{ t: 16, type: 'hc-down', target: 'Server1' }]));
    s().tickLesson();
    expect(s().lessonStep).toBe(3);
    // Six simulated seconds from the event at 16 s, even when the batch that brought it ends later.
    expect(s().lessonSinceSec).toBe(16);
    s().receive(batch(21.9));
    s().tickLesson();
    expect(s().lessonStep).toBe(3);
    s().receive(batch(22));
    s().tickLesson();
    expect(s().lessonStep).toBe(4);
  });

  it('N/P move by hand within the steps and the question', () => {
    s().goLessonStep(-1);
    expect(s().lessonStep).toBe(0);
    for (let i = 0; i < 10; i++) s().goLessonStep(1);
    expect(s().lessonStep).toBe(4);
    s().goLessonStep(-1);
    expect(s().lessonStep).toBe(3);
    s().restartLesson();
    expect(s().lessonStep).toBe(0);
  });
});
