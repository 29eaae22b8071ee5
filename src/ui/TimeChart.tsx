import { memo, Suspense, useMemo, useRef } from 'react';
import { ticksOf, type ChartPoint } from './chart-data';
import { TimePlotPart } from './lazy/parts';
import { usePlotTurn } from './plot-turns';
import { useUnfocusableLayers } from './useUnfocusableLayers';

export interface Series {
  readonly key: keyof ChartPoint;
  readonly name: string;
  readonly colour: string;
}

export interface Marker {
  readonly t: number;
  readonly text: string;
  readonly colour: string;
  /** Which line of text the label takes (staggered so close markers do not overwrite each other). */
  readonly row?: number;
  /** False: the line is drawn without a label (too many close together). */
  readonly labelled?: boolean;
}

interface Props {
  readonly title: string;
  readonly subtitle: string;
  /** The last second's value, as text with its unit. */
  readonly latest: string;
  readonly unit: string;
  readonly data: readonly ChartPoint[];
  readonly series: readonly Series[];
  readonly domainStart: number;
  readonly domainEnd: number;
  readonly markers: readonly Marker[];
  /** Whether the plot redraws on its turn, one plot per frame (while the run plays; plot-turns.ts). */
  readonly takeTurns?: boolean;
}

/**
 * The empty plot drawn while the plotting chunk arrives (it is fetched right after the first screen):
 * the same frame, grid and time axis as an empty chart, so nothing jumps when the lines come in.
 */
function EmptyPlot({ domainStart, domainEnd }: { readonly domainStart: number; readonly domainEnd: number }) {
  const ticks = useMemo(() => ticksOf(domainStart, domainEnd), [domainStart, domainEnd]);
  const span = domainEnd - domainStart || 1;
  return (
    <div className="chart__empty" aria-hidden="true">
      <div className="chart__empty-area">
        {ticks.map((t) => (
          <span
            key={t}
            className="chart__empty-tick"
            style={{ left: `${((t - domainStart) / span) * 100}%` }}
          >
            {t} s
          </span>
        ))}
      </div>
    </div>
  );
}

/** One chart panel over the shared window of simulated time, with event markers. */
function TimeChartView({
  title,
  subtitle,
  latest,
  unit,
  data,
  series,
  domainStart,
  domainEnd,
  markers,
  takeTurns = false,
}: Props) {
  const drawn = useMemo(
    () => ({ data, domainStart, domainEnd, markers }),
    [data, domainStart, domainEnd, markers],
  );
  const plot = usePlotTurn(drawn, takeTurns);
  const plotRef = useRef<HTMLDivElement>(null);
  useUnfocusableLayers(plotRef);
  return (
    <section className="chart" role="region" aria-label={title}>
      <header className="chart__head">
        <h2 className="chart__title">{title}</h2>
        <span className="chart__latest" data-testid="chart-latest" title={latest}>
          {latest}
        </span>
      </header>
      <div className="chart__sub">
        <p className="chart__subtitle">{subtitle}</p>
        <ul className="chart__legend">
          {series.map((s) => (
            <li key={s.key}>
              <span className="swatch" style={{ background: s.colour }} aria-hidden="true" />
              {s.name}
            </li>
          ))}
        </ul>
      </div>
      <div className="chart__plot" ref={plotRef}>
        <Suspense fallback={<EmptyPlot domainStart={plot.domainStart} domainEnd={plot.domainEnd} />}>
          <TimePlotPart.Component
            label={`${title} over time (arrow keys step through the seconds)`}
            unit={unit}
            data={plot.data}
            series={series}
            domainStart={plot.domainStart}
            domainEnd={plot.domainEnd}
            markers={plot.markers}
          />
        </Suspense>
      </div>
    </section>
  );
}

/** Re-renders only when its data, window or markers change, not on every batch. */
export const TimeChart = memo(TimeChartView);
