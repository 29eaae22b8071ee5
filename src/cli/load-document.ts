/**
 * Reads a document file for any command: Mermaid (`.mmd`, `.mermaid`, anything else), Markdown (`.md`,
 * the first ```mermaid block) or JSON (`.json`). Problems come back as `FILE:LINE:COL message` lines.
 * An argument that looks like a share link ({@link looksLikeLink}) is decoded instead of read: its
 * problem is the link error's one-line message.
 */
import { extname } from 'node:path';
import type { ArchDocument } from '../model/types';
import { validateDocument } from '../model/validate';
import { documentFromJson } from '../share/document-json';
import { decodeLink, looksLikeLink } from '../share/link';
import type { CliIo } from './io';

export type LoadedDocument =
  | {
      readonly ok: true;
      readonly document: ArchDocument;
      readonly format: 'mermaid' | 'json' | 'link';
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
  if (looksLikeLink(file)) {
    const decoded = await decodeLink(file);
    return decoded.ok
      ? { ok: true, document: decoded.document, format: 'link', notices: [] }
      : { ok: false, errors: [decoded.error.message] };
  }
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

/**
 * Loads a document and checks that it can run: its problems go to stderr as `FILE:LINE:COL message`
 * lines, and the result is null when there were any.
 */
export async function loadRunnableDocument(file: string, io: CliIo): Promise<ArchDocument | null> {
  const loaded = await loadDocument(file, io);
  if (!loaded.ok) {
    for (const line of loaded.errors) io.stderr(`${line}\n`);
    return null;
  }
  const issues = validateDocument(loaded.document);
  for (const issue of issues) io.stderr(`${file}:1:1 ${issue.path}: ${issue.message}\n`);
  return issues.length > 0 ? null : loaded.document;
}
