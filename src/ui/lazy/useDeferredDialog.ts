import { useCallback, useRef, useState } from 'react';
import type { Deferred } from './deferred';

/** Props that make a button the opener of a deferred dialog: it fetches the chunk on hover or focus. */
export interface OpenerProps {
  readonly ref: React.RefObject<HTMLButtonElement | null>;
  readonly onPointerEnter: () => void;
  readonly onFocus: () => void;
  readonly onClick: () => void;
}

/**
 * An opener (a top-bar button) whose modal dialog lives in its own chunk: the dialog is mounted while
 * open (it shows itself with {@link useShownModal}) and unmounted when it closes; focus goes back to
 * the opener. Hovering or focusing the opener fetches the chunk, so a click seldom waits.
 */
export function useDeferredDialog<P extends object>(part: Deferred<P>, onOpen?: () => void) {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLButtonElement>(null);
  const close = useCallback(() => {
    setOpen(false);
    ref.current?.focus();
  }, []);
  const opener: OpenerProps = {
    ref,
    onPointerEnter: () => void part.preload(),
    onFocus: () => void part.preload(),
    onClick: () => {
      onOpen?.();
      setOpen(true);
    },
  };
  return { open, close, opener };
}
