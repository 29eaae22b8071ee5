// @vitest-environment jsdom
/**
 * Export draws the same diagram: for every corpus file, what mermaid's own parser makes of the export
 * (vertices with their shapes and labels, links with their types, lengths and labels, subgraphs, classes
 * and styles, subgraph styles, link ids and animations) equals what it makes of the original, but for the documented changes (README.md, "Mermaid
 * file format"): styles pass the allow-list, a second link between the same two nodes is dropped (a
 * document holds one edge per ordered pair), and tags other than formatting (`<img>`, `<script>`) are
 * written as text, never as HTML.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMermaid, toMermaid } from '../../src/mermaid';
import { decodeLabel } from '../../src/mermaid/labels';
import { parseFlowchart } from '../../src/mermaid/library';
import { preprocess } from '../../src/mermaid/preprocess';
import { filterStyles } from '../../src/mermaid/styles';

const CORPUS = join(import.meta.dirname, '..', 'corpus');
const files = readdirSync(CORPUS)
  .filter((name) => name.endsWith('.mmd'))
  .sort();

const allowed = (styles: readonly string[] | undefined) => filterStyles(styles ?? []).kept;

/** Label text as compared: as parsed, except that text with non-formatting tags is compared as read. */
function labelText(text: string, labelType: string | undefined): string {
  const formattingOnly =
    /^(?:[^<]|<\/?(?:b|strong|i|em|u|s|del|ins|mark|small|sub|sup|code|span|br)\s*\/?>|<(?![A-Za-z/]))*$/i;
  const read = decodeLabel(text);
  return labelType !== 'markdown' && !formattingOnly.test(read) ? read : text;
}

/** Mermaid's database of a text, in a comparable form. */
async function drawingOf(text: string) {
  const raw = await parseFlowchart(preprocess(text).text);
  const subgraphIds = new Set(raw.subGraphs.map((sg) => sg.id));
  return {
    direction: raw.direction === 'TD' ? 'TB' : (raw.direction ?? 'TB'),
    vertices: raw.vertices
      .filter((v) => !subgraphIds.has(v.id))
      .map((v) => ({
        id: v.id,
        // A bare id and `[ ]` draw the same rectangle.
        type: v.type ?? 'square',
        text: labelText(v.text ?? v.id, v.labelType),
        markdown: v.labelType === 'markdown',
        classes: v.classes,
        styles: allowed(v.styles),
      }))
      .sort((a, b) => a.id.localeCompare(b.id)),
    edges: raw.edges
      .filter((e, i) => raw.edges.findIndex((f) => f.start === e.start && f.end === e.end) === i)
      .map((e) => ({
        start: e.start,
        end: e.end,
        type: e.type,
        stroke: e.stroke,
        length: e.length,
        text: labelText(e.text, e.labelType),
        markdown: e.labelType === 'markdown',
        style: allowed(e.style),
        id: e.isUserDefinedId === true ? e.id : null,
        animate: e.animate ?? false,
        animation: e.animation ?? null,
      })),
    subgraphs: raw.subGraphs
      .map((sg) => ({
        id: sg.id,
        title: sg.title,
        markdown: sg.labelType === 'markdown',
        nodes: [...sg.nodes].sort(),
        classes: sg.classes ?? [],
        // `style G …` reaches mermaid as a vertex with the subgraph's id.

        styles: allowed(raw.vertices.find((v) => v.id === sg.id)?.styles),
      }))
      .sort((a, b) => a.id.localeCompare(b.id)),
    classDefs: raw.classDefs
      .map((def) => ({ id: def.id, styles: allowed(def.styles) }))
      .filter((def) => def.styles.length > 0),
    defaultLinkStyle: allowed(raw.defaultLinkStyle),
    accTitle: raw.accTitle,
    accDescription: raw.accDescription.replace(/\s+/g, ' '),
  };
}

describe('export draws what the original draws', () => {
  it.each(files)('%s', async (file) => {
    const text = readFileSync(join(CORPUS, file), 'utf8');
    const result = await parseMermaid(text);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const exported = toMermaid(result.document);
    expect(await drawingOf(exported)).toEqual(await drawingOf(text));
  });
});
