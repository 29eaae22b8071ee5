import { useEffect } from 'react';
import { useArchStore } from '../../store/store';

/** Fields keep the browser's own undo of their text. */
const TEXT_FIELDS = 'input, textarea, select, [contenteditable="true"]';

/** Ctrl/Cmd+Z undoes a document edit; Shift+Ctrl/Cmd+Z and Ctrl+Y redo it (outside text fields). */
export function useUndoShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      const key = e.key.toLowerCase();
      const redo = (key === 'z' && e.shiftKey) || (key === 'y' && !e.shiftKey);
      const undo = key === 'z' && !e.shiftKey;
      if (!undo && !redo) return;
      const target = e.target as HTMLElement | null;
      if (target?.closest(TEXT_FIELDS)) return;
      e.preventDefault();
      const store = useArchStore.getState();
      if (redo) store.redo();
      else store.undo();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
