import { Suspense } from 'react';
import type { KeyBinding } from '../keymap';
import { LoadingNote } from '../lazy/LoadingNote';
import { ShortcutsDialogPart } from '../lazy/parts';
import { useKeyBindings } from '../useKeyBindings';
import { HELP_DESCRIPTION, HELP_KEYS } from './help-key';
import { closeShortcutsHelp, openShortcutsHelp, useShortcutsHelp } from './help-state';

const BINDINGS: readonly KeyBinding[] = [
  { keys: HELP_KEYS, description: HELP_DESCRIPTION, notIn: 'dialog[open]', run: openShortcutsHelp },
];

/** `?` opens the "Keyboard shortcuts" dialog (its own chunk); not from inside another dialog. */
export function KeyboardHelp() {
  const open = useShortcutsHelp((s) => s.open);
  useKeyBindings(BINDINGS);
  if (!open) return null;
  return (
    <Suspense fallback={<LoadingNote what="Keyboard shortcuts" />}>
      <ShortcutsDialogPart.Component onClose={closeShortcutsHelp} />
    </Suspense>
  );
}
