import { Suspense, useState, type ReactNode } from 'react';
import type { Deferred } from './deferred';
import { LoadingNote } from './LoadingNote';

/**
 * A top-bar button whose modal dialog lives in its own chunk: the dialog is mounted while open and
 * unmounted when it closes (src/ui/dialog/Dialog.tsx shows it and gives focus back to this button).
 * Hovering or focusing the button fetches the chunk, so a click seldom waits; while it does, a note
 * names `what` is loading.
 */
export function DeferredDialogButton({
  part,
  what,
  title,
  className = 'btn',
  children,
}: {
  readonly part: Deferred<{ readonly onClose: () => void }>;
  /** What the loading note names: "the presets", "Share". */
  readonly what: string;
  /** The button's tooltip. */
  readonly title: string;
  readonly className?: string;
  /** The button's content: its icon and name, and any badge. */
  readonly children: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className={className}
        onPointerEnter={() => void part.preload()}
        onFocus={() => void part.preload()}
        onClick={() => setOpen(true)}
        aria-haspopup="dialog"
        title={title}
      >
        {children}
      </button>
      {open && (
        <Suspense fallback={<LoadingNote what={what} />}>
          <part.Component onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
