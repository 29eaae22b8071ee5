import { useArchStore } from '../store/store';
import type { KeyBinding } from './keymap';
import { useKeyBindings } from './useKeyBindings';

/** Plays the run, or pauses it. */
export function togglePlaying(): void {
  const { playing, play, pause } = useArchStore.getState();
  if (playing) pause();
  else play();
}

/**
 * The app's own keys. Space plays or pauses, for presenting, except on a button (Space presses it) or a
 * canvas node (React Flow's keyboard selection).
 */
export const APP_BINDINGS: readonly KeyBinding[] = [
  {
    keys: ['Space'],
    description: 'Play or pause the run',
    notIn: 'button, .react-flow__node',
    run: togglePlaying,
  },
];

/** Registers the app's own keys (Space plays or pauses). */
export function useKeyboardShortcuts(): void {
  useKeyBindings(APP_BINDINGS);
}
