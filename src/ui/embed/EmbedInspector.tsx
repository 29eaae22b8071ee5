import { isHealthy, selectDone, selectNodeHealth, selectSelectedNode } from '../../store/selectors';
import { useArchStore } from '../../store/store';
import { KindIcon } from '../KindIcon';
import { LiveReadouts } from '../LiveReadouts';
import { kindName } from '../layout';

/**
 * The interactive embed's Inspector: the selected node's live figures and Fail/Recover, no parameters.
 * A fault clicked here is part of the embed's run only (nothing is saved).
 */
export function EmbedInspector() {
  const node = useArchStore(selectSelectedNode);
  const health = useArchStore((s) => (node ? selectNodeHealth(s, node.id) : 'up'));
  const done = useArchStore(selectDone);
  const fault = useArchStore((s) => s.fault);
  const healthy = isHealthy(health);
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
          <button
            type="button"
            className={`btn ${healthy ? 'btn--danger' : 'btn--good'} inspector__fault`}
            onClick={() => fault(healthy ? 'fail' : 'recover', node.id)}
            disabled={done}
            title={done ? 'The run has ended: press Reset to run it again' : undefined}
          >
            {healthy ? 'Fail' : 'Recover'}
          </button>
          <h3 className="inspector__section">Live (last second)</h3>
          <LiveReadouts id={node.id} kind={node.kind} />
        </>
      ) : (
        <p className="inspector__empty">Click a node, then Fail it during the run.</p>
      )}
    </aside>
  );
}
