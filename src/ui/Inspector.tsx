import type { ParamField } from '../model/param-fields';
import { fieldsOf } from '../model/param-fields';
import type { NodeSpec } from '../model/types';
import {
  isHealthy,
  selectMarkedDown,
  selectNodeHealth,
  selectSelectedEdge,
  selectSelectedGroup,
  selectSelectedNode,
} from '../store/selectors';
import { useArchStore } from '../store/store';
import { KindIcon } from './KindIcon';
import { LiveReadouts } from './LiveReadouts';
import { NodeEditFields } from './NodeEditFields';
import { CostField } from './insight/CostField';
import { EdgeInspector } from './inspector/EdgeInspector';
import { FailRecoverButton } from './inspector/FailRecoverButton';
import { NodeFaultControls } from './inspector/FaultControls';
import { GroupInspector } from './inspector/GroupInspector';
import { ParamGroups } from './inspector/ParamGroups';
import { kindName } from './layout';
import { openShortcutsHelp } from './shortcuts/help-state';

const HEALTH_NAMES: Readonly<Record<string, string>> = {
  failed: 'Failed',
  hung: 'Hung (accepts, never answers)',
  degraded: 'Degraded',
};

/** The right-hand panel: the selected node's kind, health, live readouts, fault actions and parameters. */
export function Inspector() {
  const node = useArchStore(selectSelectedNode);
  const edge = useArchStore(selectSelectedEdge);
  const group = useArchStore(selectSelectedGroup);
  return (
    <aside className="inspector" role="region" aria-label="Inspector">
      {node ? (
        <NodeInspector key={node.id} node={node} />
      ) : edge ? (
        <EdgeInspector key={edge.id} edge={edge} />
      ) : group ? (
        <GroupInspector key={group.id} group={group} />
      ) : (
        <div className="inspector__empty">
          <p>Select a node on the canvas to see its live figures, fail it, or edit its parameters.</p>
          <p>Right-click a node, a link or a group for all of its faults.</p>
          <p>
            <button type="button" className="link-btn" onClick={openShortcutsHelp}>
              Keyboard shortcuts
            </button>{' '}
            <kbd>?</kbd>
          </p>
        </div>
      )}
    </aside>
  );
}

function NodeInspector({ node }: { readonly node: NodeSpec }) {
  const health = useArchStore((s) => selectNodeHealth(s, node.id));
  const markedDown = useArchStore((s) => selectMarkedDown(s, node.id));
  const setNodeParams = useArchStore((s) => s.setNodeParams);
  // fieldsOf(kind) matches node.params for that kind; TypeScript cannot follow the union through.
  const fields = fieldsOf(node.kind) as unknown as readonly ParamField<NodeSpec['params']>[];
  const healthy = isHealthy(health);
  const status = healthy
    ? markedDown
      ? 'Up, marked down by the load balancer'
      : 'Up'
    : (HEALTH_NAMES[health] ?? health);
  return (
    <>
      <header className="inspector__head">
        <KindIcon kind={node.kind} size={26} />
        <div>
          <h2 className="inspector__title">{node.label}</h2>
          <p className="inspector__kind">{kindName(node.kind)}</p>
        </div>
      </header>
      <NodeEditFields key={node.label} node={node} />
      <div className={`inspector__health inspector__health--${health}`}>
        <span className="dot" aria-hidden="true" /> {status}
      </div>
      <FailRecoverButton id={node.id} />
      <h3 className="inspector__section">Live (last second)</h3>
      <LiveReadouts id={node.id} kind={node.kind} />
      <NodeFaultControls node={node} />
      <h3 className="inspector__section">Parameters</h3>
      <ParamGroups
        kind={node.kind}
        fields={fields}
        params={node.params}
        name={`Parameters of ${node.label}`}
        onCommit={(params) => setNodeParams(node.id, params)}
      />
      <CostField key={`${node.id}-${node.cost ?? ''}`} node={node} />
      <p className="inspector__note">Changing a parameter restarts the run from t = 0 with the new values.</p>
    </>
  );
}
