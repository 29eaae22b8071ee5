import { useEffect, useRef } from 'react';
import { useArchStore } from '../../store/store';
import { applySourceText } from './source-sync';
import { selectShowsDraft } from './source-text';

/** Pause after the last keystroke before the text is parsed and the graph follows. */
export const PARSE_DELAY_MS = 400;

/**
 * Typing in the source panel: the text is shown as typed at once, parsed after a pause; on leaving the
 * field, valid text gives way to the document's own export (so text and graph cannot drift apart).
 */
export function useSourceEditing(): { onChange: (text: string) => void; onBlur: () => void } {
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const pending = useRef<Promise<void> | null>(null);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  const parseNow = (text: string) => {
    timer.current = null;
    const run = applySourceText(text, { keepPositions: true });
    pending.current = run;
    void run.finally(() => {
      if (pending.current === run) pending.current = null;
    });
  };
  const onChange = (text: string) => {
    useArchStore.getState().setSourceDraft(text);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => parseNow(text), PARSE_DELAY_MS);
  };
  const onBlur = () => {
    const draft = useArchStore.getState().sourceDraft;
    if (timer.current && draft !== null) {
      clearTimeout(timer.current);
      parseNow(draft);
    }
    const settle = () => {
      const state = useArchStore.getState();
      if (selectShowsDraft(state) && state.sourceErrors.length === 0 && !timer.current && !pending.current)
        state.clearSourceDraft();
    };
    const run = pending.current;
    if (run) void run.then(() => requestAnimationFrame(settle));
    else settle();
  };
  return { onChange, onBlur };
}
