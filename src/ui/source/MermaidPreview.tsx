import { useEffect, useRef, useState } from 'react';

let renders = 0;

/**
 * The text as mermaid itself draws it (securityLevel strict, dagre), as GitHub would show it. Mermaid's
 * strict mode sanitises the SVG and binds no click handlers; the SVG is inserted as markup only.
 */
export function MermaidPreview({ text }: { readonly text: string }) {
  const host = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<{ status: 'rendering' | 'done' } | { status: 'error'; message: string }>(
    { status: 'rendering' },
  );
  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      renders += 1;
      const id = `mermaid-preview-${renders}`;
      void import('../../mermaid')
        .then(({ renderMermaidSvg }) => renderMermaidSvg(id, text))
        .then(
          (svg) => {
            if (!current || !host.current) return;
            host.current.innerHTML = svg;
            setState({ status: 'done' });
          },
          (error: unknown) => {
            // Mermaid leaves its error drawing in the page; it is not ours to show.
            document.getElementById(`d${id}`)?.remove();
            if (current)
              setState({ status: 'error', message: error instanceof Error ? error.message : String(error) });
          },
        );
    }, 150);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [text]);
  return (
    <div
      className="source-preview"
      role="region"
      aria-label="Preview"
      aria-busy={state.status === 'rendering'}
    >
      {state.status === 'error' && (
        <p className="source-preview__error" role="status">
          Mermaid cannot draw this text: {state.message.split('\n')[0]}
        </p>
      )}
      <div ref={host} className="source-preview__svg" data-testid="mermaid-preview" />
    </div>
  );
}
