/**
 * Reads a document file for any command: Mermaid (`.mmd`, `.mermaid`, anything else), Markdown (`.md`,
 * the first ```mermaid block) or JSON (`.json`). Problems come back as `FILE:LINE:COL message` lines.
 */
import { extname } from 'node:path';
import type { ArchDocument } from '../model/types';
import { documentFromJson } from '../share/document-json';
import type { CliIo } from './io';

export type LoadedDocument =
  | {
      readonly ok: true;
      readonly document: ArchDocument;
      readonly format: 'mermaid' | 'json';
      readonly notices: readonly string[];
    }
  | { readonly ok: false; readonly errors: readonly string[] };

interface Located {
  readonly line: number;
  readonly column: number;
  readonly message: string;
  readonly hint?: string;
}

/** `FILE:LINE:COL message (hint)` — the form editors and CI logs link to. */
export function formatProblem(file: string, problem: Located): string {
  return `${file}:${problem.line}:${problem.column} ${problem.message}${problem.hint ? ` (hint: ${problem.hint})` : ''}`;
}

export async function loadDocument(file: string, io: CliIo): Promise<LoadedDocument> {
  let text: string;
  try {
    text = await io.readFile(file);
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT'
        ? 'no such file'
        : error instanceof Error
          ? error.message
          : String(error);
    return { ok: false, errors: [`${file}:1:1 cannot read the file: ${reason}`] };
  }
  const extension = extname(file).toLowerCase();
  if (extension === '.json') {
    const result = documentFromJson(text);
    return result.ok
      ? { ok: true, document: result.document, format: 'json', notices: [] }
      : { ok: false, errors: result.errors.map((e) => formatProblem(file, e)) };
  }
  const { parseMermaid, extractMermaidFromMarkdown } = await import('../mermaid');
  let source = text;
  if (extension === '.md' || extension === '.markdown') {
    const block = extractMermaidFromMarkdown(text);
    if (block === undefined)
      return { ok: false, errors: [`${file}:1:1 no \`\`\`mermaid block in this Markdown file`] };
    source = block;
  }
  const name = file.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
  const result = await parseMermaid(source, { name });
  return result.ok
    ? {
        ok: true,
        document: result.document,
        format: 'mermaid',
        notices: result.notices.map((n) => formatProblem(file, n)),
      }
    : { ok: false, errors: result.errors.map((e) => formatProblem(file, e)) };
}
