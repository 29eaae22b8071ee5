import { Suspense } from 'react';
import { LoadingNote } from '../lazy/LoadingNote';
import { ShareDialogPart } from '../lazy/parts';
import { useDeferredDialog } from '../lazy/useDeferredDialog';

/** The top bar's "Share" button; its dialog (link, file, embed snippet) is a chunk of its own. */
export function ShareButton() {
  const { open, close, opener } = useDeferredDialog(ShareDialogPart);
  return (
    <>
      <button
        type="button"
        className="btn"
        {...opener}
        aria-haspopup="dialog"
        title="Share a link or embed this document"
      >
        <span aria-hidden="true">⤴</span> Share
      </button>
      {open && (
        <Suspense fallback={<LoadingNote what="Share" />}>
          <ShareDialogPart.Component onClose={close} />
        </Suspense>
      )}
    </>
  );
}
