import { selectSourcePanelOpen } from '../store/selectors';
import { useArchStore } from '../store/store';
import { Palette } from './Palette';
import { SourcePanel } from './source/SourcePanel';
import { useFileDrop } from './source/useFileDrop';

/**
 * The left rail: the palette of node kinds, and the Mermaid source panel (toggle) with its Preview.
 * A file dropped anywhere on the page opens here.
 */
export function SidePanel() {
  const open = useArchStore(selectSourcePanelOpen);
  const toggle = useArchStore((s) => s.toggleSourcePanel);
  useFileDrop();
  return (
    <nav className={`side ${open ? 'side--open' : ''}`} aria-label="Side panel">
      <button
        type="button"
        className="btn btn--small side__toggle"
        aria-expanded={open}
        aria-controls="source-slot"
        onClick={toggle}
      >
        {open ? '‹ Hide source' : 'Source ›'}
      </button>
      {open && <SourcePanel />}
      <Palette compact={open} />
    </nav>
  );
}
