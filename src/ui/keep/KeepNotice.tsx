import { useArchStore } from '../../store/store';
import { rememberRecent } from './document-keeping';

/**
 * The banner after a link was opened (the previous document is one click away: a link never replaces
 * local work silently), or the plain reason a link did not open (and that nothing was changed).
 */
export function KeepNotice() {
  const notice = useArchStore((s) => s.linkNotice);
  const dismiss = () => useArchStore.getState().showLinkNotice(null);
  if (!notice) return null;
  if (notice.kind === 'error')
    return (
      <div className="notice notice--error keep-notice" role="alert">
        <span>{notice.message} Your document is unchanged.</span>
        <button type="button" className="btn btn--small" onClick={dismiss}>
          Dismiss
        </button>
      </div>
    );
  const { previous } = notice;
  const restore = () => {
    if (!previous) return;
    const { doc, openDocument } = useArchStore.getState();
    rememberRecent(doc);
    openDocument(previous, null);
  };
  return (
    <div className="notice keep-notice" role="status">
      <span>
        {previous ? (
          <>
            Opened “{notice.name}” from a link. Your previous document, “{previous.name}”, is kept in Recent
            documents (and Undo brings it back).
          </>
        ) : (
          <>The link’s document, “{notice.name}”, is already open.</>
        )}
      </span>
      {previous && (
        <button type="button" className="btn btn--small" onClick={restore}>
          Restore previous
        </button>
      )}
      <button type="button" className="btn btn--small" onClick={dismiss}>
        Dismiss
      </button>
    </div>
  );
}
