interface Props {
  readonly text: string;
  readonly colour: string;
  /** Which line of text, to keep markers close in time from overwriting each other. */
  readonly row: number;
  /** Which side of the line the text goes: left ('end') near the right edge of the chart. */
  readonly anchor: 'start' | 'end';
  /** Supplied by recharts: the reference line's box. */
  readonly viewBox?: { readonly x?: number; readonly y?: number };
}

/** The label of an event marker on a chart, written beside the top of its line. */
export function MarkerLabel({ text, colour, row, anchor, viewBox }: Props) {
  const x = (viewBox?.x ?? 0) + (anchor === 'start' ? 4 : -4);
  const y = (viewBox?.y ?? 0) + 11 + row * 12;
  return (
    <text x={x} y={y} className="marker-label" fill={colour} textAnchor={anchor}>
      {text}
    </text>
  );
}
