import { selectSelectedNode } from '../../store/selectors';
import { useArchStore } from '../../store/store';
import { FailRecoverButton } from '../inspector/FailRecoverButton';
import { KindIcon } from '../KindIcon';
import { LiveReadouts } from '../LiveReadouts';
import { kindName } from '../layout';

/**
 * The interactive embed's Inspector: the selected node's live figures and Fail/Recover, no parameters.
 * A fault clicked here is part of the embed's run only (nothing is saved).
 */
export function EmbedInspector() {
  const node = useArchStore(selectSelectedNode);
  return (
    <aside className="inspector embed__inspector" role="region" aria-label="Inspector">
      {node ? (
        <>
          <header className="inspector__head">
            <KindIcon kind={node.kind} size={24} />
            <div>
              <h2 className="inspector__title">{node.label}</h2>
              <p className="inspector__kind">{kindName(node.kind)}</p>
            </div>
          </header>
          <FailRecoverButton id={node.id} />
          <h3 className="inspector__section">Live (last second)</h3>
          <LiveReadouts id={node.id} kind={node.kind} />
        </>
      ) : (
        <p className="inspector__empty">Click a node, then Fail it during the run.</p>
      )}
    </aside>
  );
}
