import { useArchStore } from '../../store/store';
import { mermaidOf } from './source-text';

/** A file name from the document's name: "Active-active behind a load balancer" → "active-active-behind-a-load-balancer.mmd". */
export function mermaidFileName(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${slug || 'diagram'}.mmd`;
}

/** Copies the document as Mermaid to the clipboard, or says how to copy it by hand when that is refused. */
export async function copyMermaid(): Promise<void> {
  const { doc, setSourceStatus } = useArchStore.getState();
  try {
    // Absent on insecure pages (http://), whatever lib.dom says.
    const clipboard = navigator.clipboard as Clipboard | undefined;
    if (!clipboard) throw new Error('no clipboard');
    await clipboard.writeText(mermaidOf(doc));
    setSourceStatus('Copied the Mermaid text to the clipboard.');
  } catch {
    setSourceStatus(
      'The browser did not allow copying: select the text in the panel and copy it (Ctrl+C), or use Download .mmd.',
    );
  }
}

/** Saves the document as a `.mmd` file. */
export function downloadMermaid(): void {
  const { doc, setSourceStatus } = useArchStore.getState();
  const url = URL.createObjectURL(new Blob([mermaidOf(doc)], { type: 'text/plain;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = mermaidFileName(doc.name);
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
  setSourceStatus(`Downloaded ${link.download}.`);
}
