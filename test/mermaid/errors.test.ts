// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { MAX_SOURCE_BYTES, parseMermaid } from '../../src/mermaid';
import { loadMermaid } from '../../src/mermaid/library';

async function errorsOf(text: string) {
  const result = await parseMermaid(text);
  if (result.ok) throw new Error('expected errors');
  return result.errors;
}

describe('syntax errors come back at the line and column of the offending token', () => {
  it.each([
    ['unquoted parentheses, with a hint', 'flowchart LR\n  LB --> A[ALB (a)]\n', 2, 16, 'A["ALB (a)"]'],
    ['a link with no target', 'flowchart LR\nA --> B\n  B --> C -->\n\n', 3, 14, 'no target'],
    ['a subgraph without end', 'flowchart LR\nA --> B\nsubgraph X\nC\n', 4, 2, 'missing its "end"'],
    ['a node called end', 'flowchart LR\nA --> end\n', 2, 7, '"end"'],
    ['a comment after a statement', 'flowchart LR\nA --> B %% trailing\n', 2, 9, 'line of its own'],
    ['unrecognised text', 'flowchart LR\nA --> B\n  B --> ¤C\n', 3, 9, 'quotes'],
    [
      'after a frontmatter block, a BOM and entities',
      '\uFEFF---\ntitle: x\n---\nflowchart LR\n  A["#quot;q#quot;"] --> B[x (y)]\n',
      5,
      30,
      'B["x (y)"]',
    ],
    ['with CRLF line endings', 'flowchart LR\r\n\r\nA --> B\r\n  B -->> C\r\n', 4, 8, undefined],
  ])('%s', async (_name, text, line, column, hint) => {
    const [error] = await errorsOf(text);
    expect(error).toMatchObject({ line, column });
    if (hint) expect(`${error?.message} ${error?.hint ?? ''}`).toContain(hint);
    // mermaid itself rejects the same text.
    const mermaid = await loadMermaid();
    await expect(mermaid.parse(text)).rejects.toThrow();
  });

  it('a linkStyle beyond the last link is reported at its line, in plain words', async () => {
    const [error] = await errorsOf('flowchart LR\n  A --> B\n  linkStyle 3 stroke:#f00\n');
    expect(error).toMatchObject({ code: 'unknown-link', line: 3, column: 3 });
    expect(error?.message).not.toMatch(/undefined|Cannot/);
  });

  it('a style after ";" on the header line imports (mermaid drops its last ";")', async () => {
    const result = await parseMermaid('graph TD;style Q fill:#fff;\n');
    expect(result.ok).toBe(true);
  });

  it("an error on a line with an entity shows the text as typed, never mermaid's encoding", async () => {
    const [error] = await errorsOf('flowchart LR\n  A --> B;classDef x fill:#f00;class B x;\n');
    expect(error?.code).toBe('syntax');
    expect(error?.message).not.toContain('\uFB02');
  });

  it('a bad @{ shape } is reported where the shape is named', async () => {
    const [error] = await errorsOf('flowchart LR\n  A@{ shape: Cyl }\n');
    expect(error).toMatchObject({
      code: 'unknown-shape',
      line: 2,
      column: 14,
      message: 'no such shape: Cyl',
    });
  });
});

describe('other diagrams and bad input', () => {
  it.each([
    ['sequenceDiagram\n  A->>B: hi\n', 'sequence'],
    ['classDiagram\n  A <|-- B\n', 'class'],
    ['stateDiagram-v2\n  [*] --> A\n', 'state'],
    ['architecture-beta\n  service a(server)[A]\n', 'architecture'],
  ])('refuses %j: only flowcharts', async (text, found) => {
    const [error] = await errorsOf(text);
    expect(error?.message).toBe(`only flowcharts can be imported (found: ${found})`);
  });

  it('says when the text is no diagram at all, or empty', async () => {
    expect((await errorsOf('hello world\n'))[0]?.message).toContain('not a Mermaid diagram');
    expect((await errorsOf(' \n\n'))[0]?.message).toContain('no diagram');
  });

  it('checks the size before parsing, and says the limit', async () => {
    const text = `flowchart LR\n${'A --> B\n'.repeat(MAX_SOURCE_BYTES / 8)}`;
    expect((await errorsOf(text))[0]?.message).toMatch(/too large: \d+ KB, the limit is 200 KB/);
  });

  it('caps nodes and edges with a clear message', async () => {
    const chain = `flowchart LR\n${Array.from({ length: 600 }, (_, i) => `  N${i} --> N${i + 1}`).join('\n')}`;
    expect((await errorsOf(chain))[0]?.message).toBe('too many edges: the limit is 500');
    const nodes = `flowchart LR\n${Array.from({ length: 501 }, (_, i) => `  N${i}`).join('\n')}`;
    expect((await errorsOf(nodes))[0]?.message).toBe('too many nodes: 501, the limit is 500');
  });
});

describe('annotation errors come back at the line and column of the offending token', () => {
  const text = [
    'flowchart LR', //                                   1
    '  A --> B', //                                      2
    '%% @A workers=0 kind=service', //                   3
    '%% @C rate=1/s', //                                 4
    '%% @A-->C weight=2', //                             5
    '%% @B rate=5/s', //                                 6
    '%% @B foo=1', //                                    7
    '%% @sim seed=-1 duration=0s', //                    8
    '%% @at 10s explode A', //                           9
    '%% @at soon fail A', //                             10
    '%% @A service=exp(10ms', //                         11
    '%% @A label="unterminated', //                      12
    '%% @', //                                           13
    '%% @A kind=robot', //                               14
    '%%   @at 5s fail Nobody', //                        15
    '%% @at 5s recover A speed=2', //                    16
  ].join('\n');

  it('reports every problem, in order', async () => {
    const errors = await errorsOf(text);
    expect(errors.map((e) => [e.line, e.column])).toEqual([
      [3, 15],
      [4, 5],
      [5, 5],
      [6, 7],
      [7, 7],
      [8, 14],
      [8, 26],
      [9, 12],
      [10, 8],
      [11, 15],
      [12, 13],
      [13, 4],
      [14, 12],
      [15, 18],
      [16, 21],
    ]);
    expect(errors[0]?.message).toBe('A workers: needs at least 1 worker');
    expect(errors[1]?.message).toContain('unknown node or subgraph "C"');
    expect(errors[2]?.message).toBe('no edge A-->C in the diagram');
    expect(errors[3]).toMatchObject({
      message: '"rate" is not a parameter of a service node',
      hint: expect.stringContaining('kind=client'),
    });
    expect(errors[4]?.message).toContain('unknown key "foo"');
  });
});

describe('errors only the whole document shows come back at the annotation that caused them', () => {
  it('points at the target of the step that cannot apply to it', async () => {
    const text = [
      'flowchart LR', //                                      1
      '  C[Client] --> S[Server]', //                         2
      '%% @sim seed=7', //                                    3
      '%% @at 5s fail S', //                                  4
      '%% @at 6s partition S', //                             5
      '%% @at 7s load S rate=10/s', //                        6
    ].join('\n');
    const errors = await errorsOf(text);
    expect(errors.map((e) => [e.line, e.column, e.message])).toEqual([
      [5, 21, 'scenario.1.target: partition cuts an edge (A-->B) or a group, not a node'],
      [6, 16, 'scenario.2.target: load changes the rate of a client'],
    ]);
  });
});

describe('hostile annotation keys are ordinary unknown keys', () => {
  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty'])('%s', async (key) => {
    const text = `flowchart LR\n  A[Client] --> B\n%% @A ${key}=1\n%% @A-->B ${key}=1\n%% @sim ${key}=1\n%% @at 1s fail B ${key}=1\n%% @alert x metric=p99 threshold=1s for=1s ${key}=1\n%% @${key} kind=service\n`;
    const errors = await errorsOf(text);
    expect(errors.map((e) => e.line)).toEqual([3, 4, 5, 6, 7, 8]);
    expect(({} as Record<string, unknown>)['1']).toBeUndefined();
  });
});

describe('a flood of links', () => {
  it('is refused at once, before mermaid parses it, with the line where the limit is passed', async () => {
    const lines = ['flowchart LR', ...Array.from({ length: 2000 }, (_, i) => `  N${i} --> N${i + 1}`)];
    const started = performance.now();
    const result = await parseMermaid(lines.join('\n'));
    expect(performance.now() - started).toBeLessThan(1000);
    expect(result.ok ? [] : result.errors.map((e) => [e.line, e.message])).toEqual([
      [1002, 'too many links: more than 1000, the limit is 500 edges'],
    ]);
  });
});
