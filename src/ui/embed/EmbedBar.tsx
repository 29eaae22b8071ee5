import { selectDocName } from '../../store/selectors';
import { useArchStore } from '../../store/store';
import { RunControls } from '../RunControls';

/** The embed's top line: the document's name and the run controls, nothing that edits. */
export function EmbedBar() {
  const name = useArchStore(selectDocName);
  return (
    <header className="topbar embed__bar">
      <span className="brand" aria-label="archplay">
        arch<strong>play</strong>
      </span>
      <h1 className="topbar__name" title={name}>
        {name}
      </h1>
      <RunControls />
    </header>
  );
}
