import { useEffect } from 'react';
import type { ArchDocument } from '../../model/types';
import type { SimEvent } from '../../sim/results';
import { useArchStore } from '../../store/store';
import { targetLabelOf } from '../target-label';
import { describeEvent } from '../describe-event';

/** Events that get a caption: faults firing and alerts triggering. */
const CAPTIONED = new Set(['fail', 'hang', 'degrade', 'partition', 'alert-firing']);

/** Events a scenario step produces when it fires. */
const STEP_EVENTS = new Set(['fail', 'hang', 'recover', 'degrade', 'partition', 'load']);

/** The index of the scenario step behind an event (same target, same time), or -1. */
function stepIndexOf(event: SimEvent, doc: ArchDocument): number {
  if (!STEP_EVENTS.has(event.type)) return -1;
  return doc.scenario.findIndex((s) => s.target === event.target && Math.abs(s.atSec - event.t) < 1e-6);
}

/** The trainer's caption of the scenario step behind an event, else the event log's sentence. */
export function captionOf(event: SimEvent, doc: ArchDocument): string {
  const step = doc.scenario[stepIndexOf(event, doc)];
  return step?.caption ?? describeEvent(event, (id) => targetLabelOf(doc, id));
}

/**
 * In presenter mode, puts a caption on screen for each fault that fires and each alert that triggers,
 * and follows the scenario's steps as they fire.
 */
export function usePresenterCaptions(): void {
  useEffect(
    () =>
      useArchStore.subscribe((state, prev) => {
        if (!state.presenting || state.events === prev.events || state.runId !== prev.runId) return;
        const added = state.events.slice(prev.events.length);
        // A scenario step that fires becomes the presenter's current step.
        const fired = added.map((e) => stepIndexOf(e, state.doc)).filter((i) => i >= 0);
        const lastStep = fired.at(-1);
        if (lastStep !== undefined) state.showScenarioStep(lastStep);
        const last = added.filter((e) => CAPTIONED.has(e.type)).at(-1);
        if (last) state.showCaption(captionOf(last, state.doc));
      }),
    [],
  );
}
