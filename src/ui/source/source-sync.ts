import { UNTITLED } from '../../model/defaults';
import type { ArchDocument } from '../../model/types';
import { documentFromJson, documentToJson } from '../../share/document-json';
import { useArchStore } from '../../store/store';
import { layoutKey } from '../layout';
import { isAnotherDiagram, withPinnedPositions } from '../pin-positions';

/**
 * Text → document for the Mermaid source panel. The mermaid module (and the library behind it) is
 * imported here on first use, so it stays out of the main bundle.
 */
const loadMermaidModule = () => import('../../mermaid');

/** Counts parses, so that a slow parse of older text never overwrites the result of newer text. */
let latest = 0;

const withoutPositions = (doc: ArchDocument): string =>
  documentToJson({
    ...doc,
    nodes: doc.nodes.map(({ position: _position, ...node }) => node),
  } as ArchDocument);

/**
 * Parses `text` and, when it is a valid flowchart, makes its document the current one. While the text has
 * errors, the last good document stays and the text is left exactly as it is. `keepPositions` (typing)
 * keeps nodes that still exist where they are; a file is a new document, laid out afresh.
 */
export async function applySourceText(
  text: string,
  options: { keepPositions: boolean; name?: string },
): Promise<void> {
  const mine = (latest += 1);
  const store = useArchStore.getState();
  store.setSourceDraft(text);
  const { parseMermaid } = await loadMermaidModule();
  const result = await parseMermaid(text, options.name === undefined ? {} : { name: options.name });
  if (mine !== latest) return;
  const { doc, setSourceOutcome, replaceDocument } = useArchStore.getState();
  if (!result.ok) {
    setSourceOutcome({ doc: null, errors: result.errors });
    return;
  }
  const parsed = withNameKept(doc, result.document, options.name);
  // Only a changed drawing needs the old nodes pinned: the same drawing lays out the same way.
  const redrawn = layoutKey(parsed) !== layoutKey(doc);
  const next = options.keepPositions && redrawn ? withPinnedPositions(doc, parsed) : parsed;
  if (documentToJson(next) === documentToJson(doc)) {
    setSourceOutcome({ doc, errors: [], notices: result.notices });
    return;
  }
  // Positions alone do not change the simulation: the run goes on.
  replaceDocument(next, { restart: withoutPositions(next) !== withoutPositions(doc) });
  setSourceOutcome({ doc: next, errors: [], notices: result.notices });
}

/**
 * A text without a title keeps the document's name while it is the same diagram being edited (or
 * takes the file's name); another diagram pasted over it is "Untitled diagram", not the old one's name.
 */
function withNameKept(
  current: ArchDocument,
  parsed: ArchDocument,
  fileName: string | undefined,
): ArchDocument {
  if (fileName !== undefined || parsed.name !== UNTITLED || isAnotherDiagram(current, parsed)) return parsed;
  return { ...parsed, name: current.name };
}

/** The base name of a file, without its extension ("diagram.mmd" → "diagram"). */
const baseName = (name: string) => name.replace(/\.[^.]*$/, '') || name;

/** Opens a `.mmd`, `.md` (its first mermaid block) or `.json` file as the document. */
export async function openSourceFile(file: File): Promise<void> {
  const store = useArchStore.getState();
  useArchStore.setState({ sourcePanelOpen: true });
  store.setSourceStatus(null);
  const text = await file.text();
  const lower = file.name.toLowerCase();
  if (lower.endsWith('.json')) {
    const result = documentFromJson(text);
    if (!result.ok) {
      const first = result.errors[0];
      store.setSourceStatus(
        `${file.name} was not opened: ${first ? `line ${first.line}, column ${first.column}: ${first.message}` : 'invalid document'}`,
      );
      return;
    }
    latest += 1;
    store.clearSourceDraft();
    store.replaceDocument(result.document, { restart: true });
    useArchStore.setState({ sourceNotices: [], selectedId: null });
    return;
  }
  let source = text;
  if (lower.endsWith('.md') || lower.endsWith('.markdown')) {
    const { extractMermaidFromMarkdown } = await loadMermaidModule();
    const block = extractMermaidFromMarkdown(text);
    if (block === undefined) {
      store.setSourceStatus(`${file.name} has no \`\`\`mermaid block`);
      return;
    }
    source = `${block.trim()}\n`;
  }
  useArchStore.setState({ selectedId: null });
  await applySourceText(source, { keepPositions: false, name: baseName(file.name) });
}
