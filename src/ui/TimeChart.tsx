import { memo, useMemo } from 'react';
import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { ChartPoint } from './chart-data';
import { MarkerLabel } from './MarkerLabel';

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
}

// Stable props: recharts re-registers axes and tooltips whose props change identity on every render.
const MARGIN = { top: 6, right: 10, bottom: 0, left: 0 };
const TICK = { fontSize: 11 };
const TOOLTIP_STYLE = { fontSize: 12 };
const formatSecTick = (t: number) => `${t} s`;
const formatTooltipLabel = (t: unknown) => `t = ${String(t)} s`;

/** X-axis ticks on whole multiples of 20 s, so they read as round numbers while the window slides. */
function ticksOf(start: number, end: number): number[] {
  const ticks: number[] = [];
  for (let t = Math.ceil(start / 20) * 20; t <= end; t += 20) ticks.push(t);
  return ticks;
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
}: Props) {
  const domain = useMemo(() => [domainStart, domainEnd], [domainStart, domainEnd]);
  const ticks = useMemo(() => ticksOf(domainStart, domainEnd), [domainStart, domainEnd]);
  const middle = (domainStart + domainEnd) / 2;
  const formatY = useMemo(() => (v: number) => `${v} ${unit}`, [unit]);
  const formatTooltip = useMemo(
    () => (v: unknown) => `${Math.round(Number(v) * 10) / 10 || 0} ${unit}`,
    [unit],
  );
  return (
    <section className="chart" role="region" aria-label={title}>
      <header className="chart__head">
        <h2 className="chart__title">{title}</h2>
        <span className="chart__latest" data-testid="chart-latest">
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
      <div className="chart__plot">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={data as ChartPoint[]} margin={MARGIN}>
            <CartesianGrid strokeDasharray="3 3" className="chart__grid" />
            <XAxis
              dataKey="t"
              type="number"
              domain={domain}
              allowDataOverflow
              tick={TICK}
              tickFormatter={formatSecTick}
              ticks={ticks}
            />
            <YAxis tick={TICK} width={52} tickFormatter={formatY} allowDecimals={false} />
            <Tooltip
              isAnimationActive={false}
              labelFormatter={formatTooltipLabel}
              formatter={formatTooltip}
              contentStyle={TOOLTIP_STYLE}
            />
            {series.map((s) => (
              <Line
                key={s.key}
                dataKey={s.key}
                name={s.name}
                stroke={s.colour}
                dot={false}
                strokeWidth={1.8}
                isAnimationActive={false}
              />
            ))}
            {markers.map((m, i) => (
              <ReferenceLine
                key={`${m.t}-${m.text}`}
                x={m.t}
                stroke={m.colour}
                strokeDasharray="4 3"
                ifOverflow="hidden"
                label={
                  m.labelled === false ? (
                    false
                  ) : (
                    <MarkerLabel
                      text={m.text}
                      colour={m.colour}
                      row={m.row ?? i % 4}
                      anchor={m.t > middle ? 'end' : 'start'}
                    />
                  )
                }
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
    </section>
  );
}

/** Re-renders only when its data, window or markers change, not on every batch. */
export const TimeChart = memo(TimeChartView);
