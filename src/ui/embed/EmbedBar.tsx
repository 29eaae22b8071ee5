import { DocumentTitle } from '../DocumentTitle';
import { RunControls } from '../RunControls';

/** The embed's top line: the document's name and the run controls, nothing that edits. */
export function EmbedBar() {
  return (
    <header className="topbar embed__bar">
      <DocumentTitle />
      <RunControls />
    </header>
  );
}
