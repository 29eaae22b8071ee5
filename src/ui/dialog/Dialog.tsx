import { useImperativeHandle, useLayoutEffect, useRef, type ReactNode, type Ref } from 'react';
import './dialog.css';
import { DialogHead } from './DialogHead';
import { trapTab } from './trap-tab';

/**
 * The app's modal dialog, mounted while open: the browser's own `<dialog>` shown with `showModal` when
 * it mounts (the page behind is inert, Escape closes it), Tab kept inside ({@link trapTab}), labelled
 * by its title and described by its intro (`${id}-title`, `${id}-intro`). Closing it, by its ✕, Escape
 * or `close()` on `ref`, gives focus back to what had it when it opened (its opener) and calls
 * `onClose`, where its owner unmounts it.
 */
export function Dialog({
  id,
  className,
  title,
  intro,
  closeLabel,
  onClose,
  error,
  ref,
  children,
}: {
  /** Prefix of the title's and intro's element ids: `share` gives `share-title`, `share-intro`. */
  readonly id: string;
  /** The dialog's own class besides `dialog` (its size and layout). */
  readonly className: string;
  readonly title: ReactNode;
  readonly intro: ReactNode;
  /** The ✕ button's accessible name: "Close share". */
  readonly closeLabel: string;
  readonly onClose: () => void;
  /** What went wrong (a gallery's choice that did not load), announced under the head. */
  readonly error?: string | null;
  /** For owners that close it themselves (a gallery, once its choice has loaded). */
  readonly ref?: Ref<HTMLDialogElement | null>;
  readonly children: ReactNode;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<Element | null>(null);
  // Set before the handle is made: refs are attached before layout effects run.
  useImperativeHandle(ref, () => dialog.current as HTMLDialogElement, []);
  useLayoutEffect(() => {
    const element = dialog.current;
    // StrictMode runs the effect twice; a dialog that is already open stays as it is.
    if (!element || element.open) return;
    opener.current = document.activeElement;
    element.showModal();
  }, []);
  const closed = () => {
    const back = opener.current;
    if (back instanceof HTMLElement && back.isConnected) back.focus();
    onClose();
  };
  return (
    <dialog
      ref={dialog}
      className={`dialog ${className}`}
      onKeyDown={trapTab}
      onClose={closed}
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-intro`}
    >
      <DialogHead
        titleId={`${id}-title`}
        title={title}
        introId={`${id}-intro`}
        intro={intro}
        closeLabel={closeLabel}
        onClose={() => dialog.current?.close()}
      />
      {error && (
        <p className="dialog__error" role="alert">
          {error}
        </p>
      )}
      {children}
    </dialog>
  );
}
