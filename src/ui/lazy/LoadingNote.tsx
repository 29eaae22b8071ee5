import './lazy.css';

/**
 * What a deferred part shows while its chunk is on its way (seldom seen: the chunks are fetched on
 * hover, focus and idle time). A floating note under the top bar for dialogs; inline (`block`) for
 * panels, where it takes the panel's place.
 */
export function LoadingNote({ what, block = false }: { readonly what: string; readonly block?: boolean }) {
  return (
    <p className={block ? 'loading-note loading-note--block' : 'loading-note'} role="status">
      <span className="loading-note__spinner" aria-hidden="true" />
      Loading {what}…
    </p>
  );
}
