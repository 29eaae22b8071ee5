import { useEffect } from 'react';
import type { LessonAction } from '../../sim/lesson-progress';
import { useArchStore, type ArchState } from '../../store/store';

/** What the user did between two states of the store, as lesson steps name it. */
function actionsBetween(state: ArchState, prev: ArchState): LessonAction[] {
  const actions: LessonAction[] = [];
  if (state.playing && !prev.playing) actions.push({ kind: 'play' });
  if (state.selectedId !== prev.selectedId && state.selectedId !== null)
    actions.push({ kind: 'select', target: state.selectedId });
  if (state.sourcePanelOpen && !prev.sourcePanelOpen) actions.push({ kind: 'panel', panel: 'source' });
  // Fail and Recover during a run come back from the worker as one step appended to the same run.
  const added = state.doc.scenario.length === prev.doc.scenario.length + 1 && state.runId === prev.runId;
  const step = added ? state.doc.scenario.at(-1) : undefined;
  if (step && (step.action === 'fail' || step.action === 'recover'))
    actions.push({ kind: step.action, target: step.target });
  return actions;
}

/**
 * Follows the user and the run for the open lesson: records the actions a step can ask for, advances
 * steps whose condition holds, and goes back to step 1 when another document (or lesson) is opened.
 */
export function useLessonTracker(): void {
  useEffect(
    () =>
      useArchStore.subscribe((state, prev) => {
        if (state.doc.lesson !== prev.doc.lesson) {
          state.restartLesson();
          return;
        }
        if (state.runId !== prev.runId) state.lessonRunRestarted();
        if (!state.doc.lesson) return;
        const actions = actionsBetween(state, prev);
        for (const action of actions) useArchStore.getState().noteLessonAction(action);
        if (
          actions.length === 0 &&
          (state.nowSec !== prev.nowSec || state.events !== prev.events || state.done !== prev.done)
        )
          state.tickLesson();
      }),
    [],
  );
}
