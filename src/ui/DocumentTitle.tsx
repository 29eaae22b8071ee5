import { selectDocName } from '../store/selectors';
import { useArchStore } from '../store/store';

/** The brand and the open document's name (cut short with an ellipsis; the tooltip has it whole). */
export function DocumentTitle() {
  const name = useArchStore(selectDocName);
  return (
    <>
      <span className="brand" aria-label="archplay">
        arch<strong>play</strong>
      </span>
      <h1 className="topbar__name" title={name}>
        {name}
      </h1>
    </>
  );
}
