import { DeferredDialogButton } from '../lazy/DeferredDialogButton';
import { ShareDialogPart } from '../lazy/parts';

/** The top bar's "Share" button; its dialog (link, file, embed snippet) is a chunk of its own. */
export function ShareButton() {
  return (
    <DeferredDialogButton part={ShareDialogPart} what="Share" title="Share a link or embed this document">
      <span aria-hidden="true">⤴</span> Share
    </DeferredDialogButton>
  );
}
