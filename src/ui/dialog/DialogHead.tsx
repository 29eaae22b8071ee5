import type { ReactNode } from 'react';

/**
 * The head of the app's modal dialogs: a title (labelling the dialog by `titleId`), one paragraph of
 * introduction (describing it by `introId` when given), and a close button named "Close <what>".
 */
export function DialogHead({
  titleId,
  title,
  introId,
  intro,
  closeLabel,
  onClose,
}: {
  readonly titleId: string;
  readonly title: ReactNode;
  readonly introId?: string;
  readonly intro: ReactNode;
  readonly closeLabel: string;
  readonly onClose: () => void;
}) {
  return (
    <header className="dialog__head">
      <div>
        <h2 id={titleId} className="dialog__title">
          {title}
        </h2>
        <p id={introId} className="dialog__intro">
          {intro}
        </p>
      </div>
      <button type="button" className="btn btn--small" onClick={onClose} aria-label={closeLabel}>
        ✕
      </button>
    </header>
  );
}
