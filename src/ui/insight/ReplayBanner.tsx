import { selectReplay } from '../../store/insight-selectors';
import { useArchStore } from '../../store/store';

/** Shown while a case (of the sweep or the capacity check) plays in the live simulator: what it is, and the way back to the user's design. */
export function ReplayBanner() {
  const replay = useArchStore(selectReplay);
  const endReplay = useArchStore((s) => s.endReplay);
  if (!replay) return null;
  return (
    <div className="replay-banner" role="status">
      <span>
        <strong>Replaying a case:</strong> {replay.title}. Your design is kept; changes made here are not.
      </span>
      <button type="button" className="btn btn--small btn--primary" onClick={endReplay}>
        Back to your design
      </button>
    </div>
  );
}
