import { useArchStore } from '../../store/store';

const mac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const mod = mac ? '⌘' : 'Ctrl+';

/** Undo and Redo of document edits (parameters, scenario, graph, text, a preset or a link opened). */
export function UndoRedo() {
  const canUndo = useArchStore((s) => s.history.past.length > 0);
  const canRedo = useArchStore((s) => s.history.future.length > 0);
  const { undo, redo } = useArchStore.getState();
  return (
    <div className="undo-redo" role="group" aria-label="History">
      <button
        type="button"
        className="btn btn--small"
        onClick={undo}
        disabled={!canUndo}
        aria-label="Undo"
        title={`Undo (${mod}Z)`}
      >
        <span aria-hidden="true">↶</span>
      </button>
      <button
        type="button"
        className="btn btn--small"
        onClick={redo}
        disabled={!canRedo}
        aria-label="Redo"
        title={`Redo (${mod}Shift+Z)`}
      >
        <span aria-hidden="true">↷</span>
      </button>
    </div>
  );
}
