import { useArchStore } from '../../store/store';

/**
 * From a metastable preset's banner or lesson to its fix: opens Insight at Twin runs, where "Try the
 * mitigation: …" runs it as B (README "Metastable failures").
 */
export function MitigationLink() {
  const openTwinRuns = useArchStore((s) => s.setInsightTab);
  return (
    <button type="button" className="btn btn--small" onClick={() => openTwinRuns('twin')}>
      Try the mitigation in Twin runs
    </button>
  );
}
