import { useState } from 'react';
import { embedSnippet } from '../../share/embed-snippet';
import type { EmbedMode } from '../../share/url-flags';
import { copyWithMessage } from '../export/download';

/** The embed part of the Share dialog: read-only or interactive, and the `<iframe>` snippet to copy. */
export function EmbedSnippet({
  page,
  link,
  name,
}: {
  readonly page: string;
  readonly link: string;
  readonly name: string;
}) {
  const [mode, setMode] = useState<EmbedMode>('read-only');
  const [status, setStatus] = useState<string | null>(null);
  const snippet = embedSnippet(page, link, mode, name);
  const copy = async () => setStatus(await copyWithMessage(snippet, 'embed code'));
  return (
    <section className="share__section" aria-labelledby="embed-title">
      <h3 id="embed-title" className="share__heading">
        Embed in a page
      </h3>
      <p className="share__hint">
        A sandboxed frame with the canvas, Play/Pause and the charts, without the editing tools. It needs no
        storage and no access to your page.
      </p>
      <fieldset className="share__modes">
        <legend className="field__label">Embedded view</legend>
        {(['read-only', 'interactive'] as const).map((m) => (
          <label key={m} className="share__mode">
            <input
              type="radio"
              name="embed-mode"
              value={m}
              checked={mode === m}
              onChange={() => {
                setMode(m);
                setStatus(null);
              }}
            />
            {m === 'read-only' ? 'Read-only (watch the run)' : 'Interactive (click a node, then Fail)'}
          </label>
        ))}
      </fieldset>
      <textarea
        className="share__code"
        aria-label="Embed code"
        readOnly
        rows={4}
        value={snippet}
        onFocus={(e) => e.currentTarget.select()}
      />
      <div className="share__row">
        <button type="button" className="btn btn--small" onClick={() => void copy()}>
          Copy embed code
        </button>
        <span className="share__status" role="status">
          {status}
        </span>
      </div>
    </section>
  );
}
