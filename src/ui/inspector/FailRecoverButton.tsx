import { isHealthy, selectDone, selectNodeHealth } from '../../store/selectors';
import { useArchStore } from '../../store/store';

/** The node's main fault action (DESIGN.md §8): "Fail" while it is healthy, "Recover" once it is not. */
export function FailRecoverButton({ id }: { readonly id: string }) {
  const healthy = useArchStore((s) => isHealthy(selectNodeHealth(s, id)));
  const done = useArchStore(selectDone);
  const fault = useArchStore((s) => s.fault);
  return (
    <button
      type="button"
      className={`btn ${healthy ? 'btn--danger' : 'btn--good'} inspector__fault`}
      onClick={() => fault(healthy ? 'fail' : 'recover', id)}
      disabled={done}
      title={done ? 'The run has ended: press Reset to run it again' : undefined}
    >
      {healthy ? 'Fail' : 'Recover'}
    </button>
  );
}
