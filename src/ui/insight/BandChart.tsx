import { memo } from 'react';
import {
  Area,
  CartesianGrid,
  ComposedChart,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatSignificant } from '../format';

/** One second over replications: the mean and its 95% interval as `[low, high]`. */
export interface BandPoint {
  readonly t: number;
  readonly mean: number;
  readonly band: readonly [number, number];
}

const MARGIN = { top: 6, right: 10, bottom: 0, left: 0 };
const TICK = { fontSize: 11 };
const COLOUR = '#3b6fd8';
const formatSecTick = (t: number) => `${t} s`;
const formatTick = (v: number) => formatSignificant(v, 3);

/** The mean over seeds as a line, with its 95% confidence interval as a shaded band around it. */
function BandChartView({
  title,
  heading,
  unit,
  data,
}: {
  /** The region's accessible name, e.g. "Seeds throughput". */
  readonly title: string;
  readonly heading: string;
  readonly unit: string;
  readonly data: readonly BandPoint[];
}) {
  return (
    <section className="chart twin-chart" role="region" aria-label={title}>
      <header className="chart__head">
        <h3 className="chart__title">
          {heading} <small className="twin-chart__unit">{unit}</small>
        </h3>
        <ul className="chart__legend">
          <li>
            <span className="twin-swatch" style={{ borderColor: COLOUR }} aria-hidden="true" />
            mean
          </li>
          <li>
            <span className="band-swatch" aria-hidden="true" />
            95% interval
          </li>
        </ul>
      </header>
      <div className="chart__plot">
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart data={data as BandPoint[]} margin={MARGIN}>
            <CartesianGrid strokeDasharray="3 3" className="chart__grid" />
            <XAxis
              dataKey="t"
              type="number"
              domain={['dataMin', 'dataMax']}
              tick={TICK}
              tickFormatter={formatSecTick}
            />
            <YAxis tick={TICK} width={52} tickFormatter={formatTick} />
            <Tooltip isAnimationActive={false} />
            <Area
              dataKey="band"
              name="95% interval"
              stroke="none"
              fill={COLOUR}
              fillOpacity={0.22}
              isAnimationActive={false}
            />
            <Line
              dataKey="mean"
              name="mean"
              stroke={COLOUR}
              dot={false}
              strokeWidth={1.6}
              isAnimationActive={false}
            />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
    </section>
  );
}

export const BandChart = memo(BandChartView);
