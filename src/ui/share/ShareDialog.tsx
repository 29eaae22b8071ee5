import { useEffect, useState } from 'react';
import './share.css';
import { documentToJson } from '../../share/document-json';
import { encodeLink, linkUrl } from '../../share/link';
import { MAX_SHAREABLE_URL_CHARS, isTooLongForUrl } from '../../share/link-limits';
import { selectDoc } from '../../store/selectors';
import { useArchStore } from '../../store/store';
import { Dialog } from '../dialog/Dialog';
import { copyWithMessage, downloadFile, fileNameFor } from '../export/download';
import { EmbedSnippet } from './EmbedSnippet';
import { formatCount } from '../format';

type Made = { readonly link: string; readonly url: string } | { readonly error: string };

/** The page's address without query or fragment: what a share link is added to. */
const pageUrl = () => `${location.origin}${location.pathname}`;

/**
 * The Share dialog (opened by the top bar's Share button, in its own chunk): the link that holds the
 * whole document (DESIGN.md §7), to copy; a file instead when the link would be too long to send; and
 * the embed snippet. The link is made from the document as it is when the dialog opens.
 */
export function ShareDialog({ onClose }: { readonly onClose: () => void }) {
  const doc = useArchStore(selectDoc);
  const [made, setMade] = useState<Made | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    const show = (next: Made) => {
      if (current) setMade(next);
    };
    encodeLink(useArchStore.getState().doc).then(
      (link) => show({ link, url: linkUrl(pageUrl(), link) }),
      (cause: unknown) =>
        show({
          error: `The link could not be made: ${cause instanceof Error ? cause.message : String(cause)}`,
        }),
    );
    return () => {
      current = false;
    };
  }, []);
  const copy = async (url: string) => setStatus(await copyWithMessage(url, 'link'));
  const download = () => {
    const name = fileNameFor(doc.name, '.json');
    downloadFile(name, documentToJson(doc), 'application/json');
    setStatus(`Downloaded ${name}: open it with Open file or drop it on archplay.`);
  };
  const tooLong = made !== null && 'url' in made && isTooLongForUrl(made.url);

  return (
    <Dialog
      id="share"
      className="share"
      title={`Share “${doc.name}”`}
      intro="The link holds the whole document (topology, parameters, layout, scenario and seed) after its “#”: it is never sent to a server, and it replays the same run for everyone."
      closeLabel="Close share"
      onClose={onClose}
      error={made !== null && 'error' in made ? made.error : null}
    >
      {made === null && <p className="share__hint">Making the link…</p>}
      {made !== null && 'url' in made && (
        <section className="share__section" aria-labelledby="link-title">
          <h3 id="link-title" className="share__heading">
            Link
          </h3>
          {tooLong ? (
            <p className="dialog__error" role="alert">
              This document is too large for a link: it would be {formatCount(made.url.length)} characters
              long, and chat apps and mail cut links past {formatCount(MAX_SHAREABLE_URL_CHARS)}. Share it as
              a file instead.
            </p>
          ) : (
            <>
              <input
                className="share__url"
                aria-label="Share link"
                readOnly
                value={made.url}
                onFocus={(e) => e.currentTarget.select()}
              />
              <p className="share__hint">{formatCount(made.url.length)} characters</p>
            </>
          )}
          <div className="share__row">
            {!tooLong && (
              <button
                type="button"
                className="btn btn--primary btn--small"
                onClick={() => void copy(made.url)}
              >
                Copy link
              </button>
            )}
            <button type="button" className="btn btn--small" onClick={download}>
              Download .json
            </button>
            <span className="share__status" role="status">
              {status}
            </span>
          </div>
        </section>
      )}
      {made !== null && 'url' in made && !tooLong && (
        <EmbedSnippet page={pageUrl()} link={made.link} name={doc.name} />
      )}
    </Dialog>
  );
}
