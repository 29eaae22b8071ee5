/** A chart marker before layout: when, what, which colour. */
interface PlainMarker {
  readonly t: number;
  readonly text: string;
  readonly colour: string;
}

/** Label rows available above a chart's lines. */
export const MARKER_ROWS = 4;
/** Height of one row of marker labels above a chart's plot (pixels; the labels are 10.5 px type). */
export const MARKER_ROW_PX = 12;

/**
 * How many label rows the laid-out markers take (0 when none is labelled): the plot keeps that many rows
 * of room above its lines, so a label never covers the top of a line.
 */
export function markerRowsUsed(
  markers: readonly { readonly row?: number; readonly labelled?: boolean }[],
): number {
  let rows = 0;
  for (const m of markers) if (m.labelled !== false) rows = Math.max(rows, (m.row ?? 0) + 1);
  return rows;
}

/** Simulated seconds within which a label repeating the text of one still in view is left out. */
export const MARKER_GAP_SEC = 24;
/**
 * Simulated seconds one character of a label spans on the narrowest usual chart: the 120 s window over
 * about 250 px of plot at a 1280 px wide page, in 10.5 px type. Wider charts leave more room than this.
 */
export const MARKER_SEC_PER_CHAR = 2.8;

/** When a label that starts at its marker ends, with a character's room after it. */
const labelEndOf = (m: PlainMarker) => m.t + (m.text.length + 1) * MARKER_SEC_PER_CHAR;

/**
 * Staggers marker labels so that they do not pile up: each takes the first row whose previous label
 * has ended before it starts (labels run right from their marker, "Server 1 marked down" longer than
 * "Server 1 failed"); a marker that finds no free row, or repeats the text of a label still in view
 * close by, keeps its line but loses its label (the event log and timeline list everything).
 */
export function layoutMarkers<M extends PlainMarker>(
  markers: readonly M[],
): (M & { row: number; labelled: boolean })[] {
  const rowEnds: number[] = [];
  const lastOfText = new Map<string, number>();
  return [...markers]
    .sort((a, b) => a.t - b.t)
    .map((m) => {
      const repeat = (lastOfText.get(m.text) ?? -Infinity) > m.t - MARKER_GAP_SEC;
      let row = -1;
      if (!repeat) {
        for (let r = 0; r < MARKER_ROWS; r++) {
          if ((rowEnds[r] ?? -Infinity) <= m.t) {
            row = r;
            break;
          }
        }
      }
      if (row < 0) return { ...m, row: 0, labelled: false };
      rowEnds[row] = labelEndOf(m);
      lastOfText.set(m.text, m.t);
      return { ...m, row, labelled: true };
    });
}
