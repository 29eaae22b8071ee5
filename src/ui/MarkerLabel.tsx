import { MARKER_ROW_PX } from './timeline/marker-rows';

interface Props {
  readonly text: string;
  readonly colour: string;
  /** Which line of text, to keep markers close in time from overwriting each other. */
  readonly row: number;
  /** How many rows the chart's labels take: they are written in that band above the plot. */
  readonly rows: number;
  /** Which side of the line the text goes: left ('end') near the right edge of the chart. */
  readonly anchor: 'start' | 'end';
  /** Supplied by recharts: the reference line's box. */
  readonly viewBox?: { readonly x?: number; readonly y?: number };
}

/** Baseline of a label below the top of its row: the last row's descenders, and their 3 px outline, end above the plot. */
const BASELINE_PX = 7;

/**
 * The label of an event marker on a chart, written beside its line in the band of label rows the plot
 * keeps above its top (TimePlot's margin), so that it never covers the lines themselves.
 */
export function MarkerLabel({ text, colour, row, rows, anchor, viewBox }: Props) {
  const x = (viewBox?.x ?? 0) + (anchor === 'start' ? 4 : -4);
  // viewBox.y is the top of the plot area, where the marker's line starts.
  const y = (viewBox?.y ?? 0) - (rows - row) * MARKER_ROW_PX + BASELINE_PX;
  return (
    <text x={x} y={y} className="marker-label" fill={colour} textAnchor={anchor}>
      {text}
    </text>
  );
}
