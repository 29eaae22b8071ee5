import type { MermaidDiagnostic } from '../../mermaid/diagnostics';
import { useArchStore } from '../../store/store';

/** "Line 3, column 7: …", the form every message of the panel takes. */
export const describeDiagnostic = (d: MermaidDiagnostic): string =>
  `Line ${d.line}, column ${d.column}: ${d.message}`;

/** The first error of the text (with its hint), the import's notices (dismissible) and the panel's status. */
export function SourceMessages() {
  const errors = useArchStore((s) => s.sourceErrors);
  const notices = useArchStore((s) => s.sourceNotices);
  const status = useArchStore((s) => s.sourceStatus);
  const { dismissSourceNotice, clearSourceDraft, setSourceStatus } = useArchStore.getState();
  const error = errors[0];
  return (
    <div className="source-messages">
      {error && (
        <div className="source-msg source-msg--error" id="source-error" role="alert">
          <p className="source-msg__text">{describeDiagnostic(error)}</p>
          {error.hint && <p className="source-msg__hint">Hint: {error.hint}</p>}
          <p className="source-msg__foot">
            The graph keeps its last good version.{' '}
            <button type="button" className="link-btn" onClick={clearSourceDraft}>
              Revert the text to the graph
            </button>
          </p>
        </div>
      )}
      {status && (
        <div className="source-msg source-msg--status" role="status">
          <p className="source-msg__text">{status}</p>
          <button
            type="button"
            className="source-msg__close"
            aria-label="Dismiss message"
            onClick={() => setSourceStatus(null)}
          >
            ×
          </button>
        </div>
      )}
      {notices.length > 0 && (
        <ul className="source-notices" aria-label="Import notices">
          {notices.map((notice, index) => (
            <li
              key={`${notice.line}:${notice.column}:${notice.message}`}
              className="source-msg source-msg--notice"
            >
              <p className="source-msg__text">{describeDiagnostic(notice)}</p>
              <button
                type="button"
                className="source-msg__close"
                aria-label="Dismiss notice"
                onClick={() => dismissSourceNotice(index)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
