/**
 * Finds the first Mermaid flowchart in a Markdown file (a ```mermaid fenced block). Every other line is
 * blanked, not removed, so that line numbers in messages are those of the Markdown file.
 */
export function extractMermaidFromMarkdown(markdown: string): string | undefined {
  const lines = markdown
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n');
  let fallback: string | undefined;
  for (let start = 0; start < lines.length; start += 1) {
    const fence = /^\s*(`{3,}|~{3,})\s*mermaid\s*$/.exec(lines[start] ?? '');
    if (!fence) continue;
    const marker = fence[1] ?? '```';
    let end = start + 1;
    while (end < lines.length && !(lines[end] ?? '').trim().startsWith(marker)) end += 1;
    const kept = lines.map((line, index) => (index > start && index < end ? line : ''));
    const text = kept.join('\n');
    const body = lines.slice(start + 1, end).join('\n');
    if (/^\s*(?:---[\s\S]*?---\s*)?(?:%%.*\n\s*)*(flowchart|graph)\b/.test(body)) return text;
    fallback ??= text;
    start = end;
  }
  return fallback;
}
