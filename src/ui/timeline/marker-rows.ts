/** A chart marker before layout: when, what, which colour. */
interface PlainMarker {
  readonly t: number;
  readonly text: string;
  readonly colour: string;
}

/** Label rows available above a chart's lines. */
export const MARKER_ROWS = 4;
/** Simulated seconds a label needs before the next one can share its row (a label spans about this). */
export const MARKER_GAP_SEC = 24;

/**
 * Staggers marker labels so that they do not pile up: each takes the first row whose previous label is
 * far enough before it; a marker that finds no free row, or repeats the text of a label still in view
 * close by, keeps its line but loses its label (the event log and timeline list everything).
 */
export function layoutMarkers<M extends PlainMarker>(
  markers: readonly M[],
): (M & { row: number; labelled: boolean })[] {
  const lastInRow: number[] = [];
  const lastOfText = new Map<string, number>();
  return [...markers]
    .sort((a, b) => a.t - b.t)
    .map((m) => {
      const repeat = (lastOfText.get(m.text) ?? -Infinity) > m.t - MARKER_GAP_SEC;
      let row = -1;
      if (!repeat) {
        for (let r = 0; r < MARKER_ROWS; r++) {
          if ((lastInRow[r] ?? -Infinity) <= m.t - MARKER_GAP_SEC) {
            row = r;
            break;
          }
        }
      }
      if (row < 0) return { ...m, row: 0, labelled: false };
      lastInRow[row] = m.t;
      lastOfText.set(m.text, m.t);
      return { ...m, row, labelled: true };
    });
}
