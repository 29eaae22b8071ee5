import { Panel } from '@xyflow/react';
import { selectHeatShown } from '../../store/insight-selectors';
import { useArchStore } from '../../store/store';

/** The heat map's legend over the canvas, with a way to remove the colouring. */
export function HeatLegend() {
  const shown = useArchStore(selectHeatShown);
  const clearHeat = useArchStore((s) => s.clearHeat);
  if (!shown) return null;
  return (
    <Panel position="bottom-left" className="heat-legend" role="region" aria-label="Heat map legend">
      <span className="heat-legend__title">Requests failed after each crash</span>
      <span className="heat-legend__scale" aria-hidden="true" />
      <span className="heat-legend__ends">
        <span>0 %</span>
        <span>100 %</span>
      </span>
      <button type="button" className="btn btn--small" onClick={clearHeat}>
        Hide heat map
      </button>
    </Panel>
  );
}
