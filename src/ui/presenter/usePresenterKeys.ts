import { useArchStore } from '../../store/store';
import { SPEEDS } from '../../worker/protocol';
import type { KeyBinding } from '../keymap';
import { togglePlaying } from '../useKeyboardShortcuts';
import { useKeyBindings } from '../useKeyBindings';

/** Presenter keys are asked before the app's (Space is handled once, here). */
const PRESENTER_PRIORITY = 10;

/** Fails or recovers the selected node, or says to select one first. */
function faultSelected(action: 'fail' | 'recover', key: string): void {
  const s = useArchStore.getState();
  if (s.selectedId === null) s.showCaption(`Select a node first, then press ${key.toUpperCase()}`);
  else s.fault(action, s.selectedId);
}

/** What every presenter key shares: only while presenting, not in an open dialog, stops the press. */
const presenterKey = (binding: Pick<KeyBinding, 'keys' | 'description' | 'run'> & { keysText?: string }) =>
  ({
    ...binding,
    when: () => useArchStore.getState().presenting,
    notIn: 'dialog[open]',
    stopPropagation: true,
  }) satisfies KeyBinding;

/**
 * Presenter keys: Space play/pause, F fail the selected node, R recover it, 1–4 speed, N/P next and
 * previous step, Esc leaves.
 */
export const PRESENTER_BINDINGS: readonly KeyBinding[] = [
  presenterKey({ keys: ['Space'], description: 'Play or pause the run', run: togglePlaying }),
  presenterKey({
    keys: ['F'],
    description: 'Fail the selected node',
    run: (key) => faultSelected('fail', key),
  }),
  presenterKey({
    keys: ['R'],
    description: 'Recover the selected node',
    run: (key) => faultSelected('recover', key),
  }),
  presenterKey({
    keys: SPEEDS.map((_, i) => String(i + 1)),
    keysText: `1–${SPEEDS.length}`,
    description: `Speed ${SPEEDS.map((s) => (s === 'max' ? 'max' : `${s}×`)).join(', ')}`,
    run: (key) => {
      const speed = SPEEDS[Number(key) - 1];
      if (speed !== undefined) useArchStore.getState().setSpeed(speed);
    },
  }),
  presenterKey({
    keys: ['N'],
    description: 'Next step',
    run: () => useArchStore.getState().goLessonStep(1),
  }),
  presenterKey({
    keys: ['P'],
    description: 'Previous step',
    run: () => useArchStore.getState().goLessonStep(-1),
  }),
  presenterKey({
    keys: ['Escape'],
    description: 'Leave presenter mode',
    run: () => useArchStore.getState().setPresenting(false),
  }),
];

/** Registers the presenter keys, ahead of the app's; never while typing in a field. */
export function usePresenterKeys(): void {
  useKeyBindings(PRESENTER_BINDINGS, PRESENTER_PRIORITY);
}
