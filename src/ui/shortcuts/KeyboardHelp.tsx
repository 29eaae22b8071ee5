import { Suspense, useMemo, useState } from 'react';
import type { KeyBinding } from '../keymap';
import { LoadingNote } from '../lazy/LoadingNote';
import { ShortcutsDialogPart } from '../lazy/parts';
import { useKeyBindings } from '../useKeyBindings';
import { HELP_DESCRIPTION, HELP_KEYS } from './help-key';

/** `?` opens the "Keyboard shortcuts" dialog (its own chunk); not from inside another dialog. */
export function KeyboardHelp() {
  const [open, setOpen] = useState(false);
  const bindings = useMemo<readonly KeyBinding[]>(
    () => [
      { keys: HELP_KEYS, description: HELP_DESCRIPTION, notIn: 'dialog[open]', run: () => setOpen(true) },
    ],
    [],
  );
  useKeyBindings(bindings);
  if (!open) return null;
  return (
    <Suspense fallback={<LoadingNote what="Keyboard shortcuts" />}>
      <ShortcutsDialogPart.Component onClose={() => setOpen(false)} />
    </Suspense>
  );
}
