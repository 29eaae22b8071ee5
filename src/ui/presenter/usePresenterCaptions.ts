import { useEffect } from 'react';
import type { ArchDocument } from '../../model/types';
import type { SimEvent } from '../../sim/results';
import { useArchStore } from '../../store/store';
import { targetLabelOf } from '../context-menu/fault-actions';
import { describeEvent } from '../describe-event';

/** Events that get a caption: faults firing and alerts triggering. */
const CAPTIONED = new Set(['fail', 'hang', 'degrade', 'partition', 'alert-firing']);

/** The trainer's caption of the scenario step behind an event, else the event log's sentence. */
export function captionOf(event: SimEvent, doc: ArchDocument): string {
  const step = doc.scenario.find(
    (s) => s.caption !== undefined && s.target === event.target && Math.abs(s.atSec - event.t) < 1e-6,
  );
  return step?.caption ?? describeEvent(event, (id) => targetLabelOf(doc, id));
}

/** In presenter mode, puts a caption on screen for each fault that fires and each alert that triggers. */
export function usePresenterCaptions(): void {
  useEffect(
    () =>
      useArchStore.subscribe((state, prev) => {
        if (!state.presenting || state.events === prev.events || state.runId !== prev.runId) return;
        const fresh = state.events.slice(prev.events.length).filter((e) => CAPTIONED.has(e.type));
        const last = fresh.at(-1);
        if (last) state.showCaption(captionOf(last, state.doc));
      }),
    [],
  );
}
