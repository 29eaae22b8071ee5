import { useMemo } from 'react';
import { costPerHour } from '../../analysis/analysis';
import { selectDoc } from '../../store/selectors';
import { selectInsightOpen } from '../../store/insight-selectors';
import { useArchStore } from '../../store/store';
import { formatMoney } from '../format';
import { InsightPanelPart } from '../lazy/parts';
import './insight.css';

/** The top bar's "Insight" button, with the design's running cost per hour beside it. */
export function InsightButton() {
  const open = useArchStore(selectInsightOpen);
  const doc = useArchStore(selectDoc);
  const setOpen = useArchStore((s) => s.setInsightOpen);
  const cost = useMemo(() => costPerHour(doc), [doc]);
  return (
    <button
      type="button"
      className={`btn insight-button ${open ? 'insight-button--open' : ''}`}
      aria-expanded={open}
      aria-controls="insight-panel"
      onClick={() => setOpen(!open)}
      onPointerEnter={() => void InsightPanelPart.preload()}
      onFocus={() => void InsightPanelPart.preload()}
      title="Twin runs, single points of failure, capacity, explain why, and cost"
    >
      Insight
      <span className="count-badge insight-button__cost" data-testid="design-cost">
        {formatMoney(cost)}/h
      </span>
    </button>
  );
}
