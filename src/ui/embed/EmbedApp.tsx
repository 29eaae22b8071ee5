import './embed.css';
import type { EmbedMode } from '../../share/url-flags';
import { selectNotice } from '../../store/selectors';
import { useArchStore } from '../../store/store';
import { useSimulationWorker } from '../../store/useSimulationWorker';
import { Canvas } from '../Canvas';
import { ChartsPanel } from '../ChartsPanel';
import { KeepNotice } from '../keep/KeepNotice';
import { useDocumentKeeping } from '../keep/useDocumentKeeping';
import { useKeyboardShortcuts } from '../useKeyboardShortcuts';
import { EmbedBar } from './EmbedBar';
import { EmbedInspector } from './EmbedInspector';

/**
 * The embedded view (`?embed`, `?embed=interactive`; DESIGN.md §7): the canvas, the run controls and
 * the charts, without the editing chrome. It uses no storage (a sandboxed frame has none), and an
 * interactive embed adds a small panel to fail and recover the selected node.
 */
export function EmbedApp({ mode }: { readonly mode: EmbedMode }) {
  useDocumentKeeping();
  useSimulationWorker();
  useKeyboardShortcuts();
  const notice = useArchStore(selectNotice);
  const interactive = mode === 'interactive';
  return (
    <div className={`embed ${interactive ? 'embed--interactive' : ''}`}>
      <EmbedBar />
      <div className="banners">
        {notice && (
          <p className="notice" role="status">
            {notice}
          </p>
        )}
        <KeepNotice />
      </div>
      <main className="embed__main">
        <Canvas mode={interactive ? 'faults' : 'view'} />
        {interactive && <EmbedInspector />}
      </main>
      <footer className="embed__charts">
        <ChartsPanel />
      </footer>
    </div>
  );
}
