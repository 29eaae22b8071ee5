import { useCallback, useState } from 'react';
import type { Deferred } from './deferred';

/** Props that make a button the opener of a deferred dialog: it fetches the chunk on hover or focus. */
export interface OpenerProps {
  readonly onPointerEnter: () => void;
  readonly onFocus: () => void;
  readonly onClick: () => void;
}

/**
 * An opener (a top-bar button) whose modal dialog lives in its own chunk: the dialog is mounted while
 * open and unmounted when it closes (src/ui/dialog/Dialog.tsx shows it and gives focus back to the
 * opener). Hovering or focusing the opener fetches the chunk, so a click seldom waits.
 */
export function useDeferredDialog<P extends object>(part: Deferred<P>, onOpen?: () => void) {
  const [open, setOpen] = useState(false);
  // Focus goes back to the opener from the dialog (a keyboard user's opener has it when it opens).
  const close = useCallback(() => setOpen(false), []);
  const opener: OpenerProps = {
    onPointerEnter: () => void part.preload(),
    onFocus: () => void part.preload(),
    onClick: () => {
      onOpen?.();
      setOpen(true);
    },
  };
  return { open, close, opener };
}
