import { mermaidFileName } from '../source/export-mermaid';

/** A file name for the document: its name as a slug, then `suffix` ("Active-active" → "active-active.json"). */
export function fileNameFor(docName: string, suffix: string): string {
  return mermaidFileName(docName).replace(/\.mmd$/, '') + suffix;
}

/** Saves `data` as a file through the browser's download (no server involved). */
export function downloadFile(name: string, data: Blob | string, type = 'text/plain;charset=utf-8'): void {
  const blob = typeof data === 'string' ? new Blob([data], { type }) : data;
  const url = URL.createObjectURL(blob);
  downloadUrl(name, url);
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Saves what `url` holds (a `data:` or `blob:` URL) as a file. */
export function downloadUrl(name: string, url: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
}

/**
 * Copies text to the clipboard. False when the browser refuses (no permission, an insecure page, a
 * sandboxed frame): the caller then says how to copy by hand.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    // Absent on insecure pages (http://), whatever lib.dom says.
    const clipboard = navigator.clipboard as Clipboard | undefined;
    if (!clipboard) return false;
    await clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** Copies `text` and says how it went, in words for a status line ("Copied the link."). */
export async function copyWithMessage(text: string, what: string): Promise<string> {
  return (await copyText(text))
    ? `Copied the ${what}.`
    : `The browser did not allow copying: select the ${what} above and press Ctrl+C.`;
}
