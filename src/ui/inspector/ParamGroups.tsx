import type { ParamField } from '../../model/param-fields';
import type { NodeKind } from '../../model/types';
import { ParamInput } from '../ParamInput';
import { groupFields } from './param-groups';

interface Props<P> {
  readonly kind: NodeKind;
  readonly fields: readonly ParamField<P>[];
  readonly params: P;
  /** Form name for assistive technology: "Parameters of Server 1". */
  readonly name: string;
  readonly onCommit: (params: P) => string | null;
}

/** A node's parameters in titled, collapsible groups; advanced groups start closed. */
export function ParamGroups<P>({ kind, fields, params, name, onCommit }: Props<P>) {
  return (
    <form className="params params--grouped" onSubmit={(e) => e.preventDefault()} aria-label={name}>
      {groupFields(kind, fields).map(({ group, fields: shown }) => (
        <details key={group.title} className="param-group" open={!group.advanced}>
          <summary className="param-group__title">{group.title}</summary>
          <div className="param-group__fields">
            {shown.map((field) => (
              <ParamInput key={field.key} field={field} params={params} onCommit={onCommit} />
            ))}
          </div>
        </details>
      ))}
    </form>
  );
}
