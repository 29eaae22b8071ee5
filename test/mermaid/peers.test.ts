// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { parseMermaid, toMermaid, type MermaidParseResult } from '../../src/mermaid';
import { isPeerLink, peerGroupsOf } from '../../src/model/peers';
import type { ArchDocument } from '../../src/model/types';
import { documentFromJson, documentToJson } from '../../src/share/document-json';

function documentOf(result: MermaidParseResult): ArchDocument {
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.document;
}

const TWO_REGIONS = `flowchart LR
  U["Users"] --> LB["LB"]
  LB --> DBE[("DB East")] & DBW[("DB West")]
  DBE <--> DBW
%% @U kind=client rate=100/s read_your_writes=true
%% @DBE<-->DBW replication=async lag=exp(120ms) conflict=first-wins
%% @at 60s partition DBE-->DBW
`;

describe('replication links between multi-primary peers in Mermaid', () => {
  it('DBE <--> DBW is a replication link with its keys; the other links are calls', async () => {
    const doc = documentOf(await parseMermaid(TWO_REGIONS));
    const link = doc.edges.find((edge) => edge.id === 'DBE-->DBW');
    expect(link?.bidirectional).toBe(true);
    expect(link && isPeerLink(doc, link)).toBe(true);
    expect(link?.params).toMatchObject({ lag: { type: 'exp', meanMs: 120 }, conflict: 'first-wins' });
    expect(doc.edges.filter((edge) => isPeerLink(doc, edge))).toHaveLength(1);
    expect(peerGroupsOf(doc)).toMatchObject([
      { members: ['DBE', 'DBW'], replication: 'async', conflict: 'first-wins' },
    ]);
    const client = doc.nodes.find((node) => node.id === 'U');
    expect(client?.kind === 'client' && client.params.readYourWrites).toBe(true);
  });

  it('exports the link as <--> with its keys, and imports back the same document', async () => {
    const doc = documentOf(await parseMermaid(TWO_REGIONS));
    const text = toMermaid(doc);
    expect(text).toContain('DBE <--> DBW');
    expect(text).toContain('%% @DBE<-->DBW lag=exp(120ms) conflict=first-wins');
    expect(documentOf(await parseMermaid(text))).toEqual(doc);
  });

  it('a dotted two-headed link <-.-> is a replication link too, and stays dotted', async () => {
    const doc = documentOf(
      await parseMermaid('flowchart LR\n  A[("DB A")] <-.-> B[("DB B")]\n%% @B<-->A replication=sync\n'),
    );
    const link = doc.edges[0];
    expect(link).toMatchObject({ id: 'A-->B', stroke: 'dotted', bidirectional: true });
    // Named the other way round in the annotation, the link is found all the same.
    expect(link?.params.replication).toBe('sync');
    expect(toMermaid(doc)).toContain('A <-.-> B');
  });

  it('survives a JSON round trip (share links and files)', async () => {
    const doc = documentOf(await parseMermaid(TWO_REGIONS));
    const decoded = documentFromJson(documentToJson(doc));
    expect(decoded).toEqual({ ok: true, document: doc });
  });

  it('<--> between services keeps carrying calls, with a notice on its line', async () => {
    const result = await parseMermaid('flowchart LR\n  C[Client] --> A\n  A["Svc A"] <--> B["Svc B"]\n');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.document.edges.some((edge) => isPeerLink(result.document, edge))).toBe(false);
    expect(result.notices).toContainEqual(
      expect.objectContaining({
        line: 3,
        message: expect.stringContaining('A <--> B carries calls, not replication'),
      }),
    );
  });

  it('three databases in a full mesh are one group of peers', async () => {
    const doc = documentOf(
      await parseMermaid('flowchart LR\n  A[(A)] <--> B[(B)]\n  B <--> C[(C)]\n  A <--> C\n'),
    );
    expect(peerGroupsOf(doc).map((group) => group.members)).toEqual([['A', 'B', 'C']]);
  });
});

describe('bad input about peers is refused with its location', () => {
  const errorsOf = async (text: string) => {
    const result = await parseMermaid(text);
    expect(result.ok).toBe(false);
    return result.ok ? [] : result.errors;
  };

  it('an unknown conflict policy', async () => {
    const [error] = await errorsOf('flowchart LR\n  A[(A)] <--> B[(B)]\n%% @A-->B conflict=newest\n');
    expect(error).toMatchObject({ line: 3, column: 20 });
    expect(error?.message).toContain('lww, first-wins');
  });

  it('a lag that is not a distribution', async () => {
    const [error] = await errorsOf('flowchart LR\n  A[(A)] <--> B[(B)]\n%% @A<-->B lag=fast\n');
    expect(error).toMatchObject({ line: 3, column: 16 });
  });

  it('replication keys on a link that is not between two databases', async () => {
    const [error] = await errorsOf('flowchart LR\n  A[(A)] --> B[(B)]\n%% @A-->B conflict=first-wins\n');
    expect(error?.line).toBe(3);
    expect(error?.message).toContain('conflict applies to a replication link between two databases');
  });

  it('three databases that are not a full mesh', async () => {
    const [error] = await errorsOf('flowchart LR\n  A[(A)] <--> B[(B)]\n  B <--> C[(C)]\n');
    expect(error?.message).toContain('must all be linked to each other (a full mesh): add A <--> C');
  });

  it('peers whose links disagree on the replication mode', async () => {
    const errors = await errorsOf(
      'flowchart LR\n  A[(A)] <--> B[(B)]\n  B <--> C[(C)]\n  A <--> C\n%% @B-->C replication=sync\n',
    );
    expect(errors.map((e) => e.message).join('\n')).toContain('must replicate the same way');
    expect(errors.find((e) => e.message.includes('same way'))?.line).toBe(5);
  });

  it('a call beside the replication link between the same peers', async () => {
    const [error] = await errorsOf('flowchart LR\n  A[(A)] <--> B[(B)]\n  B --> A\n');
    expect(error?.message).toContain('B-->A is a call between peers A and B');
  });
});
