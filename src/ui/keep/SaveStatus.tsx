import type { ArchState } from '../../store/store';
import { useArchStore } from '../../store/store';

const TEXT: Record<ArchState['saveStatus'], string> = {
  saved: 'Saved',
  saving: 'Saving…',
  memory: 'Not saved',
  off: '',
};

/** Whether the open document is kept in this browser; when it is not, why (it still works in memory). */
export function SaveStatus() {
  const status = useArchStore((s) => s.saveStatus);
  const problem = useArchStore((s) => s.saveProblem);
  if (status === 'off') return null;
  const why = problem === 'full' ? 'storage is full' : 'storage is unavailable (private mode or blocked)';
  const title =
    status === 'memory'
      ? `Not saved — ${why}. Your work is kept in memory while this page is open: export it to keep it.`
      : 'Your document is saved in this browser and reopens after a reload or a restart.';
  return (
    <output
      className={`save-status save-status--${status}`}
      role="status"
      title={title}
      aria-label="Save status"
    >
      <span className="save-status__dot" aria-hidden="true" />
      <span className="save-status__text">
        {TEXT[status]}
        {status === 'memory' && (
          <span className="save-status__why">
            {` — ${problem === 'full' ? 'storage full' : 'storage unavailable'}`}
          </span>
        )}
      </span>
    </output>
  );
}
