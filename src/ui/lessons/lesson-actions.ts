import type { LessonAction } from '../../sim/lesson-progress';
import type { ArchState } from '../../store/store';

/** The parts of the store's state that tell what the user did. */
export type ActionState = Pick<ArchState, 'playing' | 'selectedId' | 'sourcePanelOpen' | 'doc' | 'runId'>;

/** What the user did between two states of the store, as lesson steps name it. */
export function actionsBetween(state: ActionState, prev: ActionState): LessonAction[] {
  const actions: LessonAction[] = [];
  if (state.playing && !prev.playing) actions.push({ kind: 'play' });
  if (state.selectedId !== prev.selectedId && state.selectedId !== null)
    actions.push({ kind: 'select', target: state.selectedId });
  if (state.sourcePanelOpen && !prev.sourcePanelOpen) actions.push({ kind: 'panel', panel: 'source' });
  // Fail and Recover during a run come back from the worker as steps added to the same run: every step
  // new since `prev`, as two presses in one frame (R then F) arrive in one update, and a step added
  // before the scenario's later ones is not its last.
  if (state.runId === prev.runId && state.doc.scenario.length > prev.doc.scenario.length) {
    const before = new Set(prev.doc.scenario);
    for (const step of state.doc.scenario)
      if (!before.has(step) && (step.action === 'fail' || step.action === 'recover'))
        actions.push({ kind: step.action, target: step.target });
  }
  return actions;
}
