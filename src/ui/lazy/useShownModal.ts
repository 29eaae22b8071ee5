import { useLayoutEffect, useRef } from 'react';

/**
 * A `<dialog>` that opens as a modal as soon as it is mounted (the deferred dialogs are mounted only
 * while open). Pass `onClose` to the element's `onClose`: Escape and `close()` both end up there.
 */
export function useShownModal() {
  const ref = useRef<HTMLDialogElement>(null);
  useLayoutEffect(() => {
    const dialog = ref.current;
    // StrictMode runs the effect twice; a dialog that is already open stays as it is.
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return ref;
}
