import { selectDocName } from '../store/selectors';
import { useArchStore } from '../store/store';

/** The product's name, first in every bar. */
export function Brand() {
  return (
    <span className="brand" aria-label="archplay">
      arch<strong>play</strong>
    </span>
  );
}

/**
 * The open document's name, the page's one heading (cut short with an ellipsis; the tooltip has it
 * whole). `className` places it: the embed's bar, or the canvas header of the full app, where a long
 * name has room the crowded top bar cannot give it.
 */
export function DocumentName({ className }: { readonly className: string }) {
  const name = useArchStore(selectDocName);
  return (
    <h1 className={className} title={name}>
      {name}
    </h1>
  );
}

/** The brand and the document's name side by side: the embed's bar. */
export function DocumentTitle() {
  return (
    <>
      <Brand />
      <DocumentName className="topbar__name" />
    </>
  );
}
