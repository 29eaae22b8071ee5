import { useState } from 'react';
import { encodeLink } from '../../share/link';
import { useArchStore } from '../../store/store';
import { presenterUrl } from './presenter-url';

/**
 * "Copy presenter link": the document (scenario, captions, lesson) in a link that opens straight into
 * presenter mode at step 1. Copied to the clipboard when allowed, and always shown to copy by hand.
 */
export function PresenterLinkButton() {
  const [url, setUrl] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const make = async () => {
    const link = await encodeLink(useArchStore.getState().doc);
    const made = presenterUrl(window.location.href, link);
    setUrl(made);
    try {
      await navigator.clipboard.writeText(made);
      setStatus('Copied to the clipboard');
    } catch {
      setStatus('Copy the link from the box');
    }
  };
  return (
    <>
      <button
        type="button"
        className="btn btn--small"
        onClick={() => void make()}
        title="A link that opens this scenario, with its captions, in presenter mode at step 1"
      >
        Copy presenter link
      </button>
      {url && (
        <span className="presenter-link">
          <input readOnly value={url} aria-label="Presenter link" onFocus={(e) => e.currentTarget.select()} />
          <span role="status" className="muted">
            {status}
          </span>
        </span>
      )}
    </>
  );
}
