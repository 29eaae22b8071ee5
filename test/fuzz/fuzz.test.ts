/**
 * The fuzzers with pinned seeds, 5,000 inputs each: Mermaid text, share links, and decoded documents run
 * in the engine. A failure names its seed and index; `npm run fuzz` is the long run (README.md,
 * "Limits and errors"). Pin here any seed that ever found a bug.
 */
import { describe, expect, it } from 'vitest';
import { fuzz, type FuzzReport } from './harness';
import { checkMermaid, generateMermaid } from './mermaid-fuzz';
import { checkDocumentJson, checkLink, generateDocumentJson, generateLink, presetLinks } from './link-fuzz';

const INPUTS = 5000;

function expectClean(report: FuzzReport): void {
  expect(report.failures, JSON.stringify(report.failures.slice(0, 3), null, 1)).toEqual([]);
  expect(report.uncaught).toBe(0);
  expect(report.engineThrows).toBe(0);
  expect(report.slow).toBe(0);
  expect(report.inputs).toBe(INPUTS);
}

describe('inputs the long run found', () => {
  it.each([
    // accTitle takes the rest of its line, `;` and all; mermaid then drops the last `;` after a classDef.
    'graph BT;;accTitle: Title here;  classDef active fill:#ccf;  A e1@--> B;  api["API<br/>8 <i>pods</i>"];B',
    'graph TD;A;accTitle: x <b>y</b> & z &amp; #quot;q#quot; <img src=x onerror=alert(1)>;B-->C',
    'flowchart LR\n  A --> B\n  linkStyle 3 stroke:#f00\n',
    'flowchart-elk RL;accTitle: Title here; classDef down fill:#f99,stroke:#900;style Q background:#fff;;  A --> B',
    'graph TD;  %%',
    // A label holding `style …:#…;` loses its line's last `;` to mermaid: the export ends such lines with one more.
    'graph TD;C--`|no|D[Orin];style D fill:#fee}stroke:#c00;\nclass C hot;classDef hot fill:#fc9;\nD-->E[(Bucket)]',
    'flowchart LR\n  A["style x:#f; a; b;"] --> B\n  subgraph G["style q:#f; c; d;"]\n  B\n  end\n',
    'flowchart LR\n  x--x 1[(\uFB02°)] & LB(-x|y-) ==o api[/a (b)/]',
  ])('%j keeps every rule', async (text) => {
    expect(await checkMermaid(text)).toMatchObject({ problems: [] });
  });
});

describe('fuzzing (pinned seeds)', () => {
  it(
    `Mermaid text: ${INPUTS} inputs, none throws, every error coded, located and plain`,
    { timeout: 300_000 },
    async () => {
      const report = await fuzz(
        'mermaid',
        INPUTS,
        20261202,
        generateMermaid,
        checkMermaid,
        'flowchart LR\nA --> B',
      );
      expectClean(report);
      // The generator reaches both sides: documents and most kinds of error.
      expect(report.outcomes['ok']).toBeGreaterThan(INPUTS / 20);
      expect(Object.keys(report.outcomes).length).toBeGreaterThan(6);
    },
  );

  it(
    `share links: ${INPUTS} inputs, each a typed error or a document that runs`,
    { timeout: 300_000 },
    async () => {
      const links = await presetLinks();
      const report = await fuzz(
        'links',
        INPUTS,
        20261203,
        (rng) => generateLink(rng, links),
        checkLink,
        links[0],
      );
      expectClean(report);
      expect(report.outcomes['ok']).toBeGreaterThan(INPUTS / 20);
    },
  );

  it(
    `documents: ${INPUTS} decoded and run for a bounded number of events, no engine throw`,
    { timeout: 300_000 },
    async () => {
      const report = await fuzz('documents', INPUTS, 20261204, generateDocumentJson, checkDocumentJson);
      expectClean(report);
      expect(report.outcomes['ok']).toBeGreaterThan(INPUTS / 4);
    },
  );
});
