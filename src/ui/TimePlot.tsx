import { memo, useCallback, useMemo, useState } from 'react';
import {
  CartesianGrid,
  DefaultTooltipContent,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
  type TooltipContentProps,
} from 'recharts';
import { ticksOf, type ChartPoint } from './chart-data';
import { formatAxisTick } from './format';
import { MarkerLabel } from './MarkerLabel';
import { MARKER_ROW_PX, MARKER_ROWS, markerRowsUsed } from './timeline/marker-rows';
import type { Marker, Series } from './TimeChart';

/** What a plot draws: the points of its series over the window, and the event markers. */
export interface TimePlotProps {
  /** The drawing's accessible name (recharts makes it one keyboard stop, read with the arrow keys). */
  readonly label: string;
  readonly unit: string;
  readonly data: readonly ChartPoint[];
  readonly series: readonly Series[];
  readonly domainStart: number;
  readonly domainEnd: number;
  readonly markers: readonly Marker[];
}

// Stable props: recharts re-registers axes and tooltips whose props change identity on every render.
/**
 * The plot's margins with `rows` rows of marker labels above its lines: with labels the band gives the
 * top y tick its room; without, 6 px keep it whole.
 */
const marginFor = (rows: number) => ({
  top: rows === 0 ? 6 : 7 + rows * MARKER_ROW_PX,
  right: 10,
  bottom: 0,
  left: 0,
});
const TICK = { fontSize: 11 };
/** Height of the time axis under the plot, its ticks and labels (recharts' default). */
const X_AXIS_PX = 30;
/**
 * How many y ticks a plot `plotPx` high shows: five labels of 11 px type need about 18 px each, so a low
 * plot (a laptop screen with the welcome banner, two rows of marker labels) shows three.
 */
export const yTickCountFor = (plotPx: number) => (plotPx < 90 ? 3 : 5);
const TOOLTIP_STYLE = { fontSize: 12 };
const formatSecTick = (t: number) => `${t} s`;
const formatTooltipLabel = (t: unknown) => `t = ${String(t)} s`;
/**
 * The tooltip's box only while it shows: recharts draws its default content (and measures it) on every
 * redraw of the plot, hovered or not, which is a part of each redraw at speed Max (README "Speed").
 */
const TooltipWhenActive = (props: TooltipContentProps) =>
  props.active ? <DefaultTooltipContent {...props} /> : null;

/**
 * The lines, axes, tooltip and markers of one chart, drawn by recharts. A chunk of its own
 * (src/ui/lazy/parts.ts): recharts with its d3, redux and immer is the largest part of the page's
 * script, and the first screen's charts are empty until the run plays.
 */
function TimePlotView({ label, unit, data, series, domainStart, domainEnd, markers }: TimePlotProps) {
  const domain = useMemo(() => [domainStart, domainEnd], [domainStart, domainEnd]);
  const ticks = useMemo(() => ticksOf(domainStart, domainEnd), [domainStart, domainEnd]);
  const middle = (domainStart + domainEnd) / 2;
  const formatY = useMemo(() => (v: number) => formatAxisTick(v, unit), [unit]);
  const formatTooltip = useMemo(
    () => (v: unknown) => `${Math.round(Number(v) * 10) / 10 || 0} ${unit}`,
    [unit],
  );
  const rows = Math.min(markerRowsUsed(markers), MARKER_ROWS);
  // Stable while the count of rows is: recharts redoes its layout when the margin changes identity.
  const margin = useMemo(() => marginFor(rows), [rows]);
  const [height, setHeight] = useState(0);
  const onResize = useCallback((_width: number, h: number) => setHeight(h), []);
  const yTicks = yTickCountFor(height - margin.top - X_AXIS_PX);
  return (
    <ResponsiveContainer width="100%" height="100%" onResize={onResize}>
      <LineChart data={data as ChartPoint[]} margin={margin} aria-label={label}>
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
        {/* Every y tick shown (interval 0): three or five short labels always fit, and recharts then does not measure
            each new label in the page on every redraw. The time axis keeps its measuring: five-digit
            seconds can crowd a narrow plot, and recharts drops the ticks that would overlap. */}
        <YAxis
          tick={TICK}
          width={52}
          tickFormatter={formatY}
          allowDecimals={false}
          interval={0}
          tickCount={yTicks}
        />
        <Tooltip
          isAnimationActive={false}
          labelFormatter={formatTooltipLabel}
          formatter={formatTooltip}
          contentStyle={TOOLTIP_STYLE}
          content={TooltipWhenActive}
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
        {markers.map((m) => (
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
                  row={m.row ?? 0}
                  rows={rows}
                  anchor={m.t > middle ? 'end' : 'start'}
                />
              )
            }
          />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}

/** Re-renders only when its data, window or markers change, not on every batch. */
export const TimePlot = memo(TimePlotView);
