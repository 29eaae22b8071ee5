import { useState } from 'react';
import type { NodeSpec } from '../model/types';
import { removeElements, renameNode } from './graph-actions';

/** The node's label, editable (Enter or leaving the field applies it), and a button to delete the node. */
export function NodeEditFields({ node }: { readonly node: NodeSpec }) {
  const [label, setLabel] = useState(node.label);
  const [error, setError] = useState<string | null>(null);
  const apply = () => {
    if (label === node.label) return;
    const problem = renameNode(node.id, label);
    setError(problem);
    if (problem) setLabel(node.label);
  };
  return (
    <div className="node-edit">
      <label className="node-edit__label">
        <span className="field__label">Label</span>
        <input
          id="node-label-input"
          type="text"
          value={label}
          maxLength={200}
          onChange={(e) => setLabel(e.target.value)}
          onBlur={apply}
          onKeyDown={(e) => {
            if (e.key === 'Enter') apply();
            if (e.key === 'Escape') setLabel(node.label);
          }}
        />
      </label>
      <button
        type="button"
        className="btn btn--small node-edit__delete"
        onClick={() => removeElements([node.id])}
        title="Delete the node and its connections (Delete key on the canvas)"
      >
        Delete node
      </button>
      {error && (
        <p className="node-edit__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
