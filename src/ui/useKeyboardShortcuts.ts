import { useEffect } from 'react';
import { useArchStore } from '../store/store';

/** Space plays or pauses, for presenting, unless the focus is in a field or on a button. */
export function useKeyboardShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key !== ' ' || e.repeat || e.ctrlKey || e.metaKey || e.altKey) return;
      const target = e.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, button, [contenteditable="true"], .react-flow__node'))
        return;
      e.preventDefault();
      const { playing, play, pause } = useArchStore.getState();
      if (playing) pause();
      else play();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
