import { documentToJson } from '../../share/document-json';
import { useArchStore } from '../../store/store';
import { downloadFile, downloadUrl, fileNameFor } from './download';
import { metricsCsv, metricsJson } from './run-log';

/** Parts of the canvas that are controls, not the picture. */
const NOT_IN_PICTURE = ['react-flow__controls', 'react-flow__minimap', 'react-flow__panel--controls'];

const canvasElement = (): HTMLElement | null => document.querySelector<HTMLElement>('.canvas .react-flow');

const say = (status: string) => useArchStore.getState().showExportStatus(status);

/** Saves the document as canonical JSON (it opens again with Open file, or by dropping it). */
export function exportDocumentJson(): void {
  const { doc } = useArchStore.getState();
  const name = fileNameFor(doc.name, '.json');
  downloadFile(name, documentToJson(doc), 'application/json');
  say(`Downloaded ${name}.`);
}

/** Saves the run's per-second metrics, every second of it, as CSV or JSON. */
export function exportMetrics(format: 'csv' | 'json'): void {
  const { doc } = useArchStore.getState();
  const name = fileNameFor(doc.name, `-metrics.${format}`);
  if (format === 'csv') downloadFile(name, metricsCsv(), 'text/csv;charset=utf-8');
  else downloadFile(name, metricsJson(), 'application/json');
  say(`Downloaded ${name}.`);
}

/**
 * Saves a picture of the canvas as drawn now (html-to-image renders the DOM through an SVG
 * foreignObject; PNG at twice the resolution, for slides).
 */
export async function exportCanvas(format: 'png' | 'svg'): Promise<void> {
  const element = canvasElement();
  if (!element) return;
  const { toPng, toSvg } = await import('html-to-image');
  const background = getComputedStyle(document.documentElement).getPropertyValue('--bg').trim() || '#ffffff';
  const options = {
    backgroundColor: background,
    pixelRatio: 2,
    // html-to-image passes text nodes too, which have no classes.
    filter: (node: Node) =>
      !(node instanceof Element && NOT_IN_PICTURE.some((c) => node.classList.contains(c))),
  };
  const name = fileNameFor(useArchStore.getState().doc.name, `.${format}`);
  try {
    const url = format === 'png' ? await toPng(element, options) : await toSvg(element, options);
    downloadUrl(name, url);
    say(`Downloaded ${name}.`);
  } catch (cause) {
    say(`The picture could not be made: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
}
