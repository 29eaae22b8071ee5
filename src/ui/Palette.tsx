import { NODE_KINDS } from '../model/types';
import { addNode } from './graph-actions';
import { KindIcon } from './KindIcon';
import { kindName } from './layout';
import { KIND_DRAG_TYPE } from './useCanvasEditing';

/** The palette of node kinds: drag one onto the canvas, or click it to add it where there is room. */
export function Palette({ compact }: { readonly compact: boolean }) {
  return (
    <section className="palette" aria-label="Palette">
      <h2 className="panel-title">{compact ? 'Add a node: drag or click' : 'Add a node'}</h2>
      <ul className={`palette__kinds ${compact ? 'palette__kinds--grid' : ''}`}>
        {NODE_KINDS.map((kind) => (
          <li key={kind}>
            <button
              type="button"
              className="palette__kind"
              draggable
              aria-label={`Add ${kindName(kind)}`}
              title={`Drag onto the canvas, or click to add a ${kindName(kind)}`}
              onDragStart={(e) => {
                e.dataTransfer.setData(KIND_DRAG_TYPE, kind);
                e.dataTransfer.effectAllowed = 'copy';
              }}
              onClick={() => addNode(kind)}
            >
              <KindIcon kind={kind} size={18} />
              <span className="palette__name">{kindName(kind)}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
