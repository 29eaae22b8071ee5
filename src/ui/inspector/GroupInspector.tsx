import type { GroupSpec } from '../../model/types';
import { selectNodes } from '../../store/selectors';
import { useArchStore } from '../../store/store';
import { GroupFaultControls } from './FaultControls';

/** The Inspector of a selected group (zone or region): its members and its faults. */
export function GroupInspector({ group }: { readonly group: GroupSpec }) {
  const nodes = useArchStore(selectNodes);
  const members = nodes.filter((n) => n.group === group.id);
  return (
    <>
      <header className="inspector__head">
        <span className="inspector__edge-icon" aria-hidden="true">
          ▭
        </span>
        <div>
          <h2 className="inspector__title">{group.label}</h2>
          <p className="inspector__kind">group · {members.length} nodes</p>
        </div>
      </header>
      <GroupFaultControls id={group.id} />
      <h3 className="inspector__section">Members</h3>
      <ul className="inspector__members">
        {members.map((n) => (
          <li key={n.id}>{n.label}</li>
        ))}
      </ul>
    </>
  );
}
