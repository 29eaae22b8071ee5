import { memo } from 'react';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

/** One second of both runs. */
export interface TwinPoint {
  readonly t: number;
  readonly okA: number;
  readonly okB: number;
  readonly p99A: number;
  readonly p99B: number;
  readonly errA: number;
  readonly errB: number;
}

type Key = Exclude<keyof TwinPoint, 't'>;

const MARGIN = { top: 6, right: 10, bottom: 0, left: 0 };
const TICK = { fontSize: 11 };
const COLOUR_A = '#3b6fd8';
const COLOUR_B = '#c8553d';
const formatSecTick = (t: number) => `${t} s`;
const formatTick = (v: number) => String(v);

/** A and B over the whole run on one chart: A solid, B dashed, so the difference reads at a glance. */
function TwinChartView({
  title,
  heading,
  unit,
  data,
  keys,
}: {
  /** The region's accessible name: "Twin throughput" (the run's own "Throughput" panel keeps its name). */
  readonly title: string;
  readonly heading: string;
  readonly unit: string;
  readonly data: readonly TwinPoint[];
  readonly keys: readonly [Key, Key];
}) {
  return (
    <section className="chart twin-chart" role="region" aria-label={title}>
      <header className="chart__head">
        <h3 className="chart__title">
          {heading} <small className="twin-chart__unit">{unit}</small>
        </h3>
        <ul className="chart__legend">
          <li>
            <span className="twin-swatch" style={{ borderColor: COLOUR_A }} aria-hidden="true" />A (solid)
          </li>
          <li>
            <span
              className="twin-swatch twin-swatch--dashed"
              style={{ borderColor: COLOUR_B }}
              aria-hidden="true"
            />
            B (dashed)
          </li>
        </ul>
      </header>
      <div className="chart__plot">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={data as TwinPoint[]} margin={MARGIN}>
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
            <Line
              dataKey={keys[0]}
              name="A"
              stroke={COLOUR_A}
              dot={false}
              strokeWidth={1.8}
              isAnimationActive={false}
            />
            <Line
              dataKey={keys[1]}
              name="B"
              stroke={COLOUR_B}
              strokeDasharray="6 4"
              dot={false}
              strokeWidth={1.8}
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
    </section>
  );
}

export const TwinChart = memo(TwinChartView);
