import { selectSourcePanelOpen } from '../store/selectors';
import { useArchStore } from '../store/store';
import { Palette } from './Palette';
import { DeferredSlot } from './lazy/DeferredSlot';
import { SourcePanelPart } from './lazy/parts';
import './source/source.css';
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
        onPointerEnter={() => void SourcePanelPart.preload()}
        onFocus={() => void SourcePanelPart.preload()}
      >
        {open ? '‹ Hide source' : 'Source ›'}
      </button>
      <DeferredSlot part={SourcePanelPart} shown={open} what="the source panel" block />
      <Palette compact={open} />
    </nav>
  );
}
