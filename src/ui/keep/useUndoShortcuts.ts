import { useArchStore } from '../../store/store';
import type { KeyBinding } from '../keymap';
import { useKeyBindings } from '../useKeyBindings';

/**
 * Ctrl/⌘+Z undoes a document edit; Shift+Ctrl/⌘+Z and Ctrl/⌘+Y redo it. Held down they repeat. In text
 * fields the keymap leaves them to the field's own undo of its text.
 */
export const UNDO_BINDINGS: readonly KeyBinding[] = [
  {
    keys: ['Mod+Z'],
    description: 'Undo the last edit of the document',
    repeat: true,
    run: () => useArchStore.getState().undo(),
  },
  {
    keys: ['Shift+Mod+Z', 'Mod+Y'],
    description: 'Redo the edit undone last',
    repeat: true,
    run: () => useArchStore.getState().redo(),
  },
];

/** Registers the undo and redo keys. */
export function useUndoShortcuts(): void {
  useKeyBindings(UNDO_BINDINGS);
}
