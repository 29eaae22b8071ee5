import { useState } from 'react';
import { costPerHourOf } from '../../model/defaults';
import type { NodeSpec } from '../../model/types';
import { useArchStore } from '../../store/store';
import { withNodeCost } from './node-cost';

/**
 * The node's running cost per hour (`cost=` in the Mermaid file). Empty means the kind's default. Cost
 * does not change the simulation, so the run goes on.
 */
export function CostField({ node }: { readonly node: NodeSpec }) {
  const [text, setText] = useState(node.cost === undefined ? '' : String(node.cost));
  const [error, setError] = useState<string | null>(null);
  const apply = () => {
    const trimmed = text.trim();
    const cost = trimmed === '' ? undefined : Number(trimmed);
    if (cost !== undefined && (!Number.isFinite(cost) || cost < 0)) {
      setError('Cost per hour is a number, 0 or more (empty: the default of its kind).');
      return;
    }
    setError(null);
    if (cost === node.cost) return;
    const { doc, replaceDocument } = useArchStore.getState();
    replaceDocument(withNodeCost(doc, node.id, cost), { restart: false });
  };
  return (
    <div className="cost-field">
      <label className="cost-field__label">
        <span className="field__label">Cost per hour ($)</span>
        <input
          type="text"
          inputMode="decimal"
          value={text}
          placeholder={`${costPerHourOf({ kind: node.kind })} (default)`}
          aria-invalid={error !== null}
          onChange={(e) => setText(e.target.value)}
          onBlur={apply}
          onKeyDown={(e) => {
            if (e.key === 'Enter') apply();
          }}
        />
      </label>
      {error && (
        <p className="insight-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
