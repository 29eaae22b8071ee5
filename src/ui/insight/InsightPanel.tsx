import { useEffect, useMemo, type KeyboardEvent } from 'react';
import './insight.css';
import { costPerHour } from '../../analysis/analysis';
import type { InsightTab } from '../../store/insight-slice';
import { selectInsightOpen, selectInsightTab } from '../../store/insight-selectors';
import { selectDoc } from '../../store/selectors';
import { useArchStore } from '../../store/store';
import { CapacityPanel } from './CapacityPanel';
import { ExplainPanel } from './ExplainPanel';
import { formatMoney } from '../format';
import { SeedsPanel } from './SeedsPanel';
import { SweepPanel } from './SweepPanel';
import { TwinRuns } from './TwinRuns';

const TABS: readonly { readonly id: InsightTab; readonly name: string }[] = [
  { id: 'twin', name: 'Twin runs' },
  { id: 'sweep', name: 'Single points of failure' },
  { id: 'seeds', name: 'Seeds' },
  { id: 'capacity', name: 'Capacity' },
  { id: 'explain', name: 'Explain why' },
];

/**
 * The Insight panel (issue "Insight"): what the design is worth, in four tools on tabs, over the right
 * side of the screen so the canvas (and the sweep's heat map) stays in view. Escape closes it. A chunk
 * of its own (src/ui/lazy/parts.ts), mounted the first time the panel opens.
 */
export function InsightPanel() {
  const open = useArchStore(selectInsightOpen);
  const tab = useArchStore(selectInsightTab);
  const doc = useArchStore(selectDoc);
  const { setInsightOpen, setInsightTab } = useArchStore.getState();
  const cost = useMemo(() => costPerHour(doc), [doc]);
  // Keyboard users land on the current tab when the panel opens (the top bar's button opens it).
  useEffect(() => {
    if (open)
      document.querySelector<HTMLElement>('#insight-panel [role="tab"][aria-selected="true"]')?.focus();
  }, [open]);
  if (!open) return null;

  // Arrow keys move between tabs, as in every tab list (WAI-ARIA).
  const onTabKey = (e: KeyboardEvent) => {
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    const index = TABS.findIndex((t) => t.id === tab);
    const next = TABS[(index + step + TABS.length) % TABS.length];
    if (next) {
      setInsightTab(next.id);
      document.getElementById(`insight-tab-${next.id}`)?.focus();
    }
  };

  return (
    <aside
      id="insight-panel"
      className="insight"
      aria-label="Insight"
      onKeyDown={(e) => {
        if (e.key === 'Escape') setInsightOpen(false);
      }}
    >
      <header className="insight__head">
        <h2 className="insight__title">Insight</h2>
        <span className="insight__cost" data-testid="insight-cost">
          This design runs at <strong>{formatMoney(cost)}/h</strong>
        </span>
        <button
          type="button"
          className="btn btn--small"
          onClick={() => setInsightOpen(false)}
          aria-label="Close insight"
        >
          ✕
        </button>
      </header>
      <div className="insight__tabs" role="tablist" aria-label="Insight tools" onKeyDown={onTabKey}>
        {TABS.map((t) => (
          <button
            key={t.id}
            id={`insight-tab-${t.id}`}
            type="button"
            role="tab"
            aria-selected={t.id === tab}
            aria-controls="insight-tabpanel"
            tabIndex={t.id === tab ? 0 : -1}
            className="insight__tab"
            onClick={() => setInsightTab(t.id)}
          >
            {t.name}
          </button>
        ))}
      </div>
      <div
        id="insight-tabpanel"
        className="insight__body"
        role="tabpanel"
        aria-labelledby={`insight-tab-${tab}`}
      >
        {tab === 'twin' && <TwinRuns />}
        {tab === 'sweep' && <SweepPanel />}
        {tab === 'seeds' && <SeedsPanel />}
        {tab === 'capacity' && <CapacityPanel />}
        {tab === 'explain' && <ExplainPanel />}
      </div>
    </aside>
  );
}
