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
  // A div, not a <header>: outside sectioning elements a header is the page's banner landmark, and a
  // banner inside a dialog is a second one (axe: landmark-banner-is-top-level).
  return (
    <div className="dialog__head">
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
    </div>
  );
}
