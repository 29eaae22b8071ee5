import { NODE_KINDS } from '../model/types';
import { selectSourcePanelOpen } from '../store/selectors';
import { useArchStore } from '../store/store';
import { KindIcon } from './KindIcon';
import { kindName } from './layout';

/**
 * The left rail: the kinds of node (a legend now, the drag-and-drop palette later) and a collapsible
 * slot where the Mermaid source panel goes.
 */
export function SidePanel() {
  const open = useArchStore(selectSourcePanelOpen);
  const toggle = useArchStore((s) => s.toggleSourcePanel);
  return (
    <nav className={`side ${open ? 'side--open' : ''}`} aria-label="Side panel">
      <button type="button" className="btn btn--small side__toggle" aria-expanded={open} aria-controls="source-slot" onClick={toggle}>
        {open ? '‹ Source' : 'Source ›'}
      </button>
      {open && (
        <section id="source-slot" className="side__slot" data-slot="mermaid-source" aria-label="Mermaid source panel">
          <h2 className="panel-title">Mermaid source</h2>
          <p className="muted">The Mermaid source editor and its preview will live here.</p>
        </section>
      )}
      <h2 className="panel-title side__kinds-title">Node kinds</h2>
      <ul className="side__kinds">
        {NODE_KINDS.map((kind) => (
          <li key={kind} className="side__kind" title={kindName(kind)}>
            <KindIcon kind={kind} size={18} />
            <span>{kindName(kind)}</span>
          </li>
        ))}
      </ul>
    </nav>
  );
}
