import { UNDO_BINDINGS } from '../keep/useUndoShortcuts';
import { comboText, type KeyBinding } from '../keymap';
import { PRESENTER_BINDINGS } from '../presenter/usePresenterKeys';
import { DELETE_KEYS } from '../useCanvasEditing';
import { APP_BINDINGS } from '../useKeyboardShortcuts';
import { HELP_DESCRIPTION, HELP_KEYS } from './help-key';

/** One line of the "Keyboard shortcuts" list: the keys as the platform writes them, and what they do. */
export interface ShortcutLine {
  /** Alternatives, each written out ("Ctrl+Shift+Z", "Ctrl+Y"). */
  readonly keys: readonly string[];
  readonly description: string;
}

/** A titled section of the list. */
export interface ShortcutSection {
  readonly title: string;
  readonly lines: readonly ShortcutLine[];
}

const lineOf = (
  binding: Pick<KeyBinding, 'keys' | 'keysText' | 'description'>,
  mac: boolean,
): ShortcutLine => ({
  keys: binding.keysText !== undefined ? [binding.keysText] : binding.keys.map((k) => comboText(k, mac)),
  description: binding.description,
});

/**
 * The list, made from the bindings' own descriptions (src/ui/keymap.ts), so that a new shortcut shows
 * here once it is declared. The canvas's Delete keys are React Flow's (its `deleteKeyCode`), listed from
 * the same constant the canvas passes it.
 */
export function shortcutSections(mac: boolean): readonly ShortcutSection[] {
  return [
    {
      title: 'Run and edit',
      lines: [
        ...[...APP_BINDINGS, ...UNDO_BINDINGS].map((b) => lineOf(b, mac)),
        { keys: DELETE_KEYS.map((k) => comboText(k, mac)), description: 'Delete the selected node or edge' },
        lineOf({ keys: HELP_KEYS, description: HELP_DESCRIPTION }, mac),
      ],
    },
    { title: 'Presenter mode', lines: PRESENTER_BINDINGS.map((b) => lineOf(b, mac)) },
  ];
}

/** Whether the page runs on a Mac (or iPhone/iPad), whose keyboards say ⌘ for Ctrl. */
export const isMac = (userAgent: string): boolean => /Mac|iPhone|iPad/.test(userAgent);
