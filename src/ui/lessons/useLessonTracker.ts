import { useEffect } from 'react';
import { useArchStore } from '../../store/store';
import { actionsBetween } from './lesson-actions';

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
