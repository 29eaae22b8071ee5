import { EDGE_FIELDS, PEER_LINK_FIELDS } from '../../model/param-fields';
import { isPeerLink } from '../../model/peers';
import type { EdgeSpec } from '../../model/types';
import { selectDoc, selectEdgeRate, selectTotals } from '../../store/selectors';
import { useArchStore } from '../../store/store';
import { edgeNameOf } from '../target-label';
import { formatCount, formatPercent, formatRate, percentOf } from '../format';
import { ParamInput } from '../ParamInput';
import { EdgeFaultControls } from './FaultControls';
import { useEdgeParams } from './useEdgeParams';

const CAUSES = ['refused', 'timeout', 'rejected', 'dropped', 'error'] as const;

/** The Inspector of a selected edge: its live traffic, faults and parameters (latency, weight, backup, loss). */
export function EdgeInspector({ edge }: { readonly edge: EdgeSpec }) {
  const doc = useArchStore(selectDoc);
  const traffic = useArchStore((s) => selectEdgeRate(s, edge.id));
  const totals = useArchStore(selectTotals);
  const setEdgeParams = useEdgeParams(edge.id);
  const name = edgeNameOf(doc, edge.id);
  // A replication link between peers carries writes being copied, not calls (README "Active-active data").
  const peer = isPeerLink(doc, edge);
  const readouts: [string, string][] = peer
    ? [
        ['Writes replicated/s', formatRate(traffic?.requests ?? 0)],
        ['Divergent keys', formatCount(totals?.divergentKeys ?? 0)],
        ['Conflicts', formatCount(totals?.conflicts ?? 0)],
        ['Lost updates', formatCount(totals?.lostUpdates ?? 0)],
      ]
    : [
        ['Requests/s', formatRate(traffic?.requests ?? 0)],
        ['Errors/s', formatRate(traffic?.errors ?? 0)],
        ['Errors', formatPercent(percentOf(traffic?.errors ?? 0, traffic?.requests ?? 0))],
      ];
  const fields = peer ? PEER_LINK_FIELDS : EDGE_FIELDS;
  return (
    <>
      <header className="inspector__head">
        <span className="inspector__edge-icon" aria-hidden="true">
          {peer ? '⟷' : '⟶'}
        </span>
        <div>
          <h2 className="inspector__title">{name}</h2>
          <p className="inspector__kind">
            {peer ? `replication link (${edge.source} <--> ${edge.target})` : `call (${edge.id})`}
          </p>
        </div>
      </header>
      <h3 className="inspector__section">Live (last second)</h3>
      <dl className="readouts" aria-label="Live readouts">
        {readouts.map(([label, value]) => (
          <div key={label} className="readouts__item" data-testid={`readout-${label}`}>
            <dt>{label}</dt> <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <EdgeFaultControls id={edge.id} />
      {!peer && (
        <>
          <h3 className="inspector__section">Failed requests so far, by cause</h3>
          <dl
            className="readouts readouts--causes"
            aria-label="Errors by cause"
            data-testid="errors-by-cause"
          >
            {CAUSES.map((cause) => (
              <div key={cause} className="readouts__item">
                <dt>{cause}</dt> <dd>{formatCount(totals?.errorsByCause[cause] ?? 0)}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
      <h3 className="inspector__section">Parameters</h3>
      <form className="params" onSubmit={(e) => e.preventDefault()} aria-label={`Parameters of ${name}`}>
        {fields.map((field) => (
          <ParamInput key={field.key} field={field} params={edge.params} onCommit={setEdgeParams} />
        ))}
      </form>
      <p className="inspector__note">Changing a parameter restarts the run from t = 0 with the new values.</p>
    </>
  );
}
