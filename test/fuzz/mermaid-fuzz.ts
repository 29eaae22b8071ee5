/**
 * Mermaid text fuzzing: flowcharts built from real statements (the corpus's lines) and from a vocabulary
 * of every construct (shapes, links, labels, styles, annotations), then cut, spliced and mutated at the
 * character level. Rules: `parseMermaid` never throws and never takes a second; every error has a code,
 * a plain message (no mermaid or JavaScript internals) and a position inside the text; every document it
 * returns exports to text that imports again to the same export.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseMermaid, toMermaid, type MermaidDiagnostic } from '../../src/mermaid';
import { INTERNAL_WORDS, type Rng, type Verdict } from './harness';

const CORPUS = join(import.meta.dirname, '..', 'corpus');
const corpusTexts = readdirSync(CORPUS)
  .filter((name) => name.endsWith('.mmd'))
  .sort()
  .map((name) => readFileSync(join(CORPUS, name), 'utf8'));
const corpusLines = corpusTexts.flatMap((text) => text.split(/\r?\n/)).filter((line) => line.trim() !== '');

const IDS = [
  'A',
  'B',
  'C',
  'LB',
  'DB',
  'api',
  'Svc1',
  'end',
  'End',
  'x.y',
  'a-b',
  'é',
  '__proto__',
  'graph',
  '1',
];
const SHAPES = [
  ['[', ']'],
  ['(', ')'],
  ['([', '])'],
  ['[[', ']]'],
  ['[(', ')]'],
  ['((', '))'],
  ['(((', ')))'],
  ['{', '}'],
  ['{{', '}}'],
  ['>', ']'],
  ['[/', '/]'],
  ['[\\', '\\]'],
  ['[/', '\\]'],
  ['[\\', '/]'],
  ['(-', '-)'],
] as const;
const NEW_SHAPES = ['docs', 'cyl', 'rect', 'bolt', 'hex', 'circle', 'das', 'Cyl', 'nope', 'lin-cyl', 'text'];
const ARROWS = [
  '-->',
  '---',
  '-.->',
  '-.-',
  '==>',
  '===',
  '~~~',
  '--o',
  '--x',
  '<-->',
  'o--o',
  'x--x',
  '--->',
  '-..->',
  '<==>',
  '-.-x',
  '==o',
  '->',
  '--',
  '-->>',
];
const LABELS = [
  'Server 1',
  'a (b)',
  '"q"',
  '#quot;x#quot;',
  '&amp; <b>bold</b>',
  '<br>',
  'line<br/>two',
  '`**md** _x_`',
  '<img src=x onerror=alert(1)>',
  'x|y',
  '',
  ' ',
  'ünïcødé 🚀',
  '#35;',
  '\uFB02°',
  'end',
  '%% not',
];
const STATEMENTS = [
  'style A fill:#f9f,stroke:#333',
  'style Q background:#fff;',
  'linkStyle 0 stroke:#f00,stroke-width:2px',
  'linkStyle default stroke:#999',
  'linkStyle 99 stroke:#f00',
  'classDef hot fill:#f00,font-size:20px',
  'class A,B hot',
  'A:::hot',
  'click A "https://example.com"',
  'accTitle: Title here',
  'accDescr: A description',
  'accDescr {\n multi\n line\n}',
  'subgraph S1["Zone 1"]',
  'subgraph S2',
  'end',
  'direction LR',
  '%% a comment',
  '%% @A kind=service workers=4',
  '%% @A kind=lb policy=weighted',
  '%% @A-->B latency=const(5ms) loss=1%',
  '%% @sim seed=7 duration=30s',
  '%% @at 5s fail A',
  '%% @at 10s degrade A-->B latency=50ms',
  '%% @alert e metric=error_rate threshold=1% for=5s',
  '%% @A workers=-1',
  '%% @A kind=nope',
  '%% @sim duration=0s',
  '%%{init: {"securityLevel": "loose"}}%%',
  'A@{ shape: docs, label: "Docs" }',
  'A@{ shape: }',
  'A@{ label: "x" ',
  'A e1@--> B',
  'e1@{ animate: true }',
];
const HEADERS = [
  'flowchart LR',
  'graph TD',
  'flowchart',
  'graph BT;',
  'flowchart-elk RL',
  'sequenceDiagram',
  '',
];

function node(rng: Rng): string {
  const id = rng.pick(IDS);
  const roll = rng.int(4);
  if (roll === 0) return id;
  if (roll === 1) return `${id}@{ shape: ${rng.pick(NEW_SHAPES)}, label: "${rng.pick(LABELS)}" }`;
  const [open, close] = rng.pick(SHAPES);
  const label = rng.pick(LABELS);
  return rng.chance(0.6) ? `${id}${open}"${label}"${close}` : `${id}${open}${label}${close}`;
}

function linkLine(rng: Rng): string {
  let line = node(rng);
  const hops = 1 + rng.int(3);
  for (let i = 0; i < hops; i++) {
    const arrow = rng.pick(ARROWS);
    const label = rng.chance(0.3) ? `|${rng.chance(0.5) ? `"${rng.pick(LABELS)}"` : rng.pick(LABELS)}|` : '';
    line += ` ${arrow}${label} ${node(rng)}${rng.chance(0.2) ? ` & ${node(rng)}` : ''}`;
  }
  return line;
}

function statement(rng: Rng): string {
  const roll = rng.int(10);
  if (roll < 4) return linkLine(rng);
  if (roll < 6) return rng.pick(corpusLines);
  if (roll < 7) return node(rng);
  return rng.pick(STATEMENTS);
}

/** Character-level damage: insert, delete or replace a few characters, or cut the text short. */
function mutate(rng: Rng, text: string): string {
  let out = text;
  const edits = 1 + rng.int(4);
  for (let i = 0; i < edits; i++) {
    const at = rng.int(out.length + 1);
    const roll = rng.int(4);
    const glyph = rng.pick([
      '"',
      '[',
      ']',
      '(',
      ')',
      '{',
      '}',
      '|',
      ';',
      '\n',
      '-',
      '>',
      '#',
      '&',
      '`',
      '%',
      '@',
      ':',
      '\t',
      'x',
    ]);
    if (roll === 0) out = out.slice(0, at) + glyph + out.slice(at);
    else if (roll === 1) out = out.slice(0, at) + out.slice(at + 1 + rng.int(5));
    else if (roll === 2) out = out.slice(0, at) + glyph + out.slice(at + 1);
    else out = out.slice(0, at);
  }
  return out;
}

export function generateMermaid(rng: Rng): string {
  const roll = rng.int(10);
  if (roll < 2) return mutate(rng, rng.pick(corpusTexts));
  const lines = [rng.pick(HEADERS)];
  const count = 1 + rng.int(12);
  for (let i = 0; i < count; i++) lines.push(`${rng.chance(0.5) ? '  ' : ''}${statement(rng)}`);
  const joiner = rng.chance(0.15) ? ';' : rng.chance(0.1) ? '\r\n' : '\n';
  const text = lines.join(joiner);
  return roll < 5 ? mutate(rng, text) : text;
}

/** The rules every Mermaid input must keep (see the module comment). */
export async function checkMermaid(text: string): Promise<Verdict> {
  const result = await parseMermaid(text);
  const lineCount = text.split(/\r\n?|\n/).length;
  if (!result.ok) {
    const problems = result.errors.flatMap((error) => {
      const wrong: string[] = [];
      // Typed as required, but errors are built in many modules: checked as the wider diagnostic type.
      const diagnostic: MermaidDiagnostic = error;
      if (diagnostic.code === undefined) wrong.push('no code');
      // A hint may quote the line as typed: characters the input itself holds are not internal.
      const own = (message: string) => (text.includes('\uFB02') ? message.replaceAll('\uFB02', '') : message);
      if (INTERNAL_WORDS.test(own(error.message)) || INTERNAL_WORDS.test(own(error.hint ?? '')))
        wrong.push(`internal words in "${error.message}"`);
      if (!(error.line >= 1 && error.line <= lineCount + 1 && error.column >= 1))
        wrong.push(`position ${error.line}:${error.column} outside ${lineCount} lines`);
      return wrong.map((detail) => ({ rule: 'bad-error' as const, detail: `${detail} [${error.code}]` }));
    });
    return { outcome: `error:${result.errors[0]?.code ?? 'none'}`, problems };
  }
  const exported = toMermaid(result.document);
  const again = await parseMermaid(exported);
  if (!again.ok)
    return {
      outcome: 'ok',
      problems: [{ rule: 'round-trip', detail: `export does not import: ${again.errors[0]?.message}` }],
    };
  const stable = toMermaid(again.document) === exported;
  return {
    outcome: 'ok',
    problems: stable ? [] : [{ rule: 'round-trip', detail: 'export changes on a second round' }],
  };
}
