import { useEffect } from 'react';
import { useArchStore } from '../../store/store';
import { SPEEDS } from '../../worker/protocol';

/** Whether a key event comes from somewhere the user types, or from inside an open dialog. */
function typing(target: EventTarget | null): boolean {
  return (
    target instanceof Element &&
    target.closest('input, textarea, select, [contenteditable="true"], dialog[open]') !== null
  );
}

/**
 * Presenter keys: Space play/pause, F fail the selected node, R recover it, 1–4 speed, N/P next and
 * previous step, Esc leaves. Listened to in the capture phase so that Space is handled once here (and
 * not also by the app's own Space shortcut); never while typing in a field.
 */
export function usePresenterKeys(): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      const s = useArchStore.getState();
      if (!s.presenting || e.repeat || e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return;
      const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
      const speed = /^[1-4]$/.test(key) ? SPEEDS[Number(key) - 1] : undefined;
      if (key === ' ') {
        if (s.playing) s.pause();
        else s.play();
      } else if (key === 'f' || key === 'r') {
        const action = key === 'f' ? 'fail' : 'recover';
        if (s.selectedId === null) s.showCaption(`Select a node first, then press ${key.toUpperCase()}`);
        else s.fault(action, s.selectedId);
      } else if (speed !== undefined) {
        s.setSpeed(speed);
      } else if (key === 'n' || key === 'p') {
        s.goLessonStep(key === 'n' ? 1 : -1);
      } else if (key === 'Escape') {
        s.setPresenting(false);
      } else {
        return;
      }
      e.preventDefault();
      e.stopPropagation();
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, []);
}
