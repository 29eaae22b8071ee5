import { useRef, useState } from 'react';
import './source.css';
import { useArchStore } from '../../store/store';
import { MermaidPreview } from './MermaidPreview';
import { SourceEditor } from './SourceEditor';
import { SourceFileInput } from './SourceFileInput';
import { SourceMessages } from './SourceMessages';
import { copyMermaid, downloadMermaid } from './export-mermaid';
import { selectSourceText } from './source-text';
import { useSourceEditing } from './useSourceEditing';

type Tab = 'source' | 'preview';

/**
 * The Mermaid source panel (DESIGN §10, left): the document as Mermaid text, editable, with its errors
 * and notices; a Preview drawn by mermaid itself; open a file, copy or download the text.
 */
export function SourcePanel() {
  const [tab, setTab] = useState<Tab>('source');
  const text = useArchStore(selectSourceText);
  const errorLine = useArchStore((s) => s.sourceErrors[0]?.line ?? null);
  const { onChange, onBlur } = useSourceEditing();
  const fileInput = useRef<HTMLInputElement>(null);
  return (
    <section id="source-slot" className="source" aria-label="Mermaid source panel">
      <header className="source__head">
        <div className="source__tabs" role="tablist" aria-label="Mermaid view">
          {(['source', 'preview'] as const).map((t) => (
            <button
              key={t}
              type="button"
              role="tab"
              id={`source-tab-${t}`}
              aria-selected={tab === t}
              aria-controls={`source-pane-${t}`}
              className={`source__tab ${tab === t ? 'source__tab--on' : ''}`}
              onClick={() => setTab(t)}
            >
              {t === 'source' ? 'Mermaid' : 'Preview'}
            </button>
          ))}
        </div>
        <div className="source__actions">
          <button
            type="button"
            className="btn btn--small"
            onClick={() => fileInput.current?.click()}
            title="Open a .mmd, .md or .json file (or drop one on the page)"
          >
            Open file
          </button>
          <SourceFileInput ref={fileInput} label="Open a Mermaid, Markdown or JSON file" />
        </div>
      </header>
      <SourceMessages />
      <div
        className="source__pane"
        id={`source-pane-${tab}`}
        role="tabpanel"
        aria-labelledby={`source-tab-${tab}`}
      >
        {tab === 'source' ? (
          <SourceEditor text={text} errorLine={errorLine} onChange={onChange} onBlur={onBlur} />
        ) : (
          <MermaidPreview text={text} />
        )}
      </div>
      <footer className="source__foot" role="group" aria-label="Export Mermaid">
        <span className="source__foot-label">Export Mermaid</span>
        <button type="button" className="btn btn--small" onClick={() => void copyMermaid()}>
          Copy
        </button>
        <button type="button" className="btn btn--small" onClick={downloadMermaid}>
          Download .mmd
        </button>
      </footer>
    </section>
  );
}
