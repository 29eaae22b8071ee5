import { useRef } from 'react';
import { useArchStore } from '../../store/store';
import { downloadMermaid } from '../source/export-mermaid';
import { SourceFileInput } from '../source/SourceFileInput';
import { Menu } from './Menu';
import { useRunLog } from './run-log';

/** The export actions, a chunk of their own (with html-to-image behind them): fetched on first use. */
const actions = () => import('./export-actions');

/**
 * The top bar's "Export" menu (DESIGN.md §10): the document as Mermaid or JSON, the canvas as PNG or
 * SVG, the run's metrics as CSV or JSON; and Import, which opens a JSON or Mermaid file like the source
 * panel does (errors with their line and column; the current document stays).
 */
export function ExportMenu() {
  useRunLog();
  const hasRun = useArchStore((s) => s.lastRow !== null);
  const status = useArchStore((s) => s.exportStatus);
  const fileInput = useRef<HTMLInputElement>(null);
  const noRun = hasRun ? undefined : 'Play the run first: there are no metrics yet';
  return (
    <>
      <Menu
        label="Export"
        icon={<span aria-hidden="true">↓ </span>}
        title="Export the document, a picture of the canvas or the run's metrics; import a file"
        entries={[
          { label: 'Mermaid (.mmd)', onSelect: downloadMermaid, section: 'Document' },
          { label: 'JSON (.json)', onSelect: () => void actions().then((a) => a.exportDocumentJson()) },
          {
            label: 'PNG image (.png)',
            onSelect: () => void actions().then((a) => a.exportCanvas('png')),
            section: 'Canvas',
          },
          { label: 'SVG image (.svg)', onSelect: () => void actions().then((a) => a.exportCanvas('svg')) },
          {
            label: 'Metrics CSV (.csv)',
            onSelect: () => void actions().then((a) => a.exportMetrics('csv')),
            section: 'Run metrics (every second)',
            disabled: !hasRun,
            ...(noRun ? { title: noRun } : {}),
          },
          {
            label: 'Metrics JSON (.json)',
            onSelect: () => void actions().then((a) => a.exportMetrics('json')),
            disabled: !hasRun,
            ...(noRun ? { title: noRun } : {}),
          },
          { label: 'Import file…', onSelect: () => fileInput.current?.click(), section: 'Import' },
        ]}
      />
      <SourceFileInput ref={fileInput} label="Import a Mermaid, Markdown or JSON file" />
      <span className="visually-hidden" role="status">
        {status}
      </span>
    </>
  );
}
