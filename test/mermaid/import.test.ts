// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMermaid, toMermaid, type MermaidParseResult } from '../../src/mermaid';
import { DEFAULT_CLIENT, DEFAULT_SERVICE } from '../../src/model/defaults';
import { PRESETS } from '../../src/model/presets';
import type { ArchDocument } from '../../src/model/types';

const CORPUS = join(import.meta.dirname, '..', 'corpus');
const corpus = (name: string) => readFileSync(join(CORPUS, name), 'utf8');

function documentOf(result: MermaidParseResult): ArchDocument {
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.document;
}
const parse = async (text: string) => documentOf(await parseMermaid(text));
const node = (doc: ArchDocument, id: string) => doc.nodes.find((n) => n.id === id);

describe('the seed diagrams import verbatim', () => {
  it('active-active: five nodes, the Failure Scenario group, Server 1 failed at start', async () => {
    const doc = await parse(corpus('seed-active-active.mmd'));
    expect(doc.direction).toBe('LR');
    expect(doc.nodes.map((n) => [n.id, n.label, n.kind])).toEqual([
      ['Client', 'Client', 'client'],
      ['LoadBalancer', 'Load Balancer', 'lb'],
      ['Server1', 'Server 1 (Active)', 'service'],
      ['Server2', 'Server 2 (Active)', 'service'],
      ['DB', 'Database', 'database'],
    ]);
    expect(doc.groups).toEqual([{ id: 'Failover', label: 'Failure Scenario' }]);
    expect(node(doc, 'Server1')).toMatchObject({
      group: 'Failover',
      startsFailed: true,
      classes: ['failed'],
    });
    expect(node(doc, 'Server2')).toMatchObject({ group: 'Failover', classes: ['active'] });
    expect(node(doc, 'Server2')?.startsFailed).toBeUndefined();
    expect(doc.edges.map((e) => e.id)).toEqual([
      'Client-->LoadBalancer',
      'LoadBalancer-->Server1',
      'LoadBalancer-->Server2',
      'Server1-->DB',
      'Server2-->DB',
    ]);
    expect(doc.classDefs).toEqual([
      { name: 'failed', style: 'fill:#f9f,stroke:#333,stroke-width:2px' },
      { name: 'active', style: 'fill:#ccf,stroke:#333,stroke-width:2px' },
    ]);
  });

  it('message queue: Client → Message Queue (a queue node) → Server 1/2 → Database', async () => {
    const doc = await parse(corpus('seed-message-queue.mmd'));
    expect(doc.nodes.map((n) => n.kind)).toEqual(['client', 'queue', 'service', 'service', 'database']);
    expect(node(doc, 'Queue')?.label).toBe('Message Queue');
    expect(node(doc, 'Server1')?.classes).toEqual(['active']);
    expect(node(doc, 'Server2')?.classes).toEqual(['active']);
    expect(doc.groups).toEqual([]);
  });
});

describe('flowchart features', () => {
  it('reads nested subgraphs as nested groups, in the order they open', async () => {
    const doc = await parse(corpus('aws-alb-ec2.mmd'));
    expect(doc.groups).toEqual([
      { id: 'VPC', label: 'VPC 10.0.0.0/16' },
      { id: 'AZa', label: 'us-east-1a', parent: 'VPC' },
      { id: 'AZb', label: 'us-east-1b', parent: 'VPC' },
    ]);
    expect(node(doc, 'EC2a')?.group).toBe('AZa');
    expect(node(doc, 'Users')?.group).toBeUndefined();
    expect(doc.name).toBe('Web tier on AWS (ALB, two AZs, RDS)');
  });

  it('keeps edge labels and strokes', async () => {
    const doc = await parse(corpus('all-arrows.mmd'));
    const edge = (id: string) => doc.edges.find((e) => e.id === id);
    expect(edge('A-->B')?.stroke).toBeUndefined();
    expect(edge('A-->E')?.stroke).toBe('dotted');
    expect(edge('A-->F')?.stroke).toBe('thick');
    expect(edge('A-->H')?.stroke).toBe('invisible');
    expect(edge('P-->Q')?.label).toBe('text');
    expect(edge('P-->S')).toMatchObject({ label: 'dotted text', stroke: 'dotted' });
    expect(edge('P-->T')).toMatchObject({ label: 'thick text', stroke: 'thick' });
    expect(edge('U-->Y')?.label).toBe('quoted (label)');
  });

  it('maps shapes, and a cylinder is a database', async () => {
    const doc = await parse(corpus('shapes-classic.mmd'));
    expect(doc.nodes.map((n) => n.shape)).toEqual([
      undefined,
      'round',
      'stadium',
      'subroutine',
      'cylinder',
      'circle',
      'rhombus',
      'hexagon',
      'odd',
      'parallelogram',
      'parallelogram',
      'trapezoid',
      'trapezoid',
      'doublecircle',
    ]);
    expect(node(doc, 'cyl')?.kind).toBe('database');
    const modern = await parse(corpus('shapes-new-syntax.mmd'));
    expect(node(modern, 'db')).toMatchObject({ shape: 'cylinder', kind: 'database', label: 'Orders DB' });
    expect(node(modern, 'client')).toMatchObject({ kind: 'client', label: 'Mobile app' });
    expect(node(modern, 'gw')?.kind).toBe('lb');
  });

  it('keeps classes, applies the style allow-list and starts `down` nodes failed', async () => {
    const result = await parseMermaid(corpus('classes-and-styles.mmd'));
    const doc = documentOf(result);
    expect(doc.classDefs).toEqual([
      { name: 'healthy', style: 'fill:#cfc,stroke:#060,stroke-width:2px' },
      { name: 'down', style: 'fill:#f99,stroke:#900,stroke-width:3px,stroke-dasharray:5 5' },
      { name: 'fancy', style: 'color:white' },
    ]);
    expect(node(doc, 'S1')).toMatchObject({ classes: ['down'], startsFailed: true });
    expect(node(doc, 'S3')?.classes).toEqual(['fancy']);
    // `style` and `linkStyle` lines are kept too, through the same allow-list.
    expect(node(doc, 'LB')?.style).toBe('fill:#ff0,stroke:#333');
    expect(doc.edges[0]?.style).toBe('stroke:#f00,stroke-width:4px,fill:none');
    expect(doc.linkStyleDefault).toBe('stroke:#999');
    if (!result.ok) return;
    expect(result.notices.map((n) => n.message)).toEqual(
      expect.arrayContaining([expect.stringContaining('font-size')]),
    );
    const exported = toMermaid(doc);
    expect(exported).toContain('  style LB fill:#ff0,stroke:#333\n');
    expect(exported).toContain('  linkStyle 0 stroke:#f00,stroke-width:4px,fill:none\n');
    expect(exported).toContain('  linkStyle default stroke:#999\n');
  });

  it('drops click directives with a notice, and nothing becomes clickable', async () => {
    const result = await parseMermaid(corpus('click-directives.mmd'));
    const doc = documentOf(result);
    expect(doc.nodes.every((n) => n.classes === undefined)).toBe(true);
    if (!result.ok) return;
    expect(result.notices.filter((n) => n.message.includes('click'))).toHaveLength(4);
    expect(result.notices[0]).toMatchObject({ line: 3, column: 3 });
  });

  it('keeps the first of two links between the same nodes, and says so at the second', async () => {
    const result = await parseMermaid('flowchart LR\n  A --> B\n  B --> C\n  C & A -- again --> B\n');
    expect(documentOf(result).edges.map((e) => e.id)).toEqual(['A-->B', 'B-->C', 'C-->B']);
    if (!result.ok) return;
    expect(result.notices).toEqual([
      { line: 4, column: 7, message: 'A-->B is linked more than once; the first link is kept' },
    ]);
  });

  it('keeps hostile labels as text and treats __proto__ / constructor as ordinary ids', async () => {
    const doc = await parse(corpus('hostile-labels.mmd'));
    expect(doc.nodes.map((n) => n.id)).toEqual(['__proto__', 'constructor', 'toString', 'hasOwnProperty']);
    expect(node(doc, '__proto__')?.label).toBe('<img src=x onerror=alert(1)>');
    expect(node(doc, 'constructor')?.label).toBe("<script>alert('x')</script>");
    expect(node(doc, 'hasOwnProperty')?.label).toBe('a & b <tag> # "q"');
    expect(Object.getPrototypeOf(doc.nodes[0])).toBe(Object.prototype);
    const exported = toMermaid(doc);
    expect(exported).not.toContain('<img');
    expect(exported).toContain('__proto__["#lt;img src=x onerror=alert(1)#gt;"]');
  });

  it('reads quoted labels with parentheses, entities, markdown strings and <br>', async () => {
    const quoted = await parse(corpus('quoted-labels-parens.mmd'));
    expect(node(quoted, 'ALB')?.label).toBe('ALB (public, internet-facing)');
    expect(node(quoted, 'A2')?.label).toBe('App (green) "canary"');
    expect(quoted.edges.find((e) => e.id === 'DB-->RR')?.label).toBe('replicates (async)');
    const markdown = await parse(corpus('markdown-strings.mmd'));
    expect(node(markdown, 'cdn')?.label).toBe('CDN\nglobal anycast');
    expect(markdown.groups[0]?.label).toBe('Edge layer');
    const html = await parse(corpus('html-labels.mmd'));
    expect(node(html, 'LB')?.label).toBe('Load balancer\nround-robin');
    expect(node(html, 'S2')?.label).toBe('Server 2\n8 workers');
  });

  it('sends links to a subgraph to its entry nodes and from it out of its exit nodes', async () => {
    const doc = await parse(corpus('edges-to-subgraph.mmd'));
    expect(doc.edges.map((e) => e.id)).toEqual([
      'Client-->Web1',
      'Client-->Web2',
      'Web1-->Api',
      'Web2-->Api',
      'Api-->Primary',
      'Primary-->Replica',
    ]);
    const reused = await parse(corpus('subgraph-id-reuse.mmd'));
    expect(reused.nodes.map((n) => n.id)).not.toContain('Workers');
    expect(reused.groups).toEqual([{ id: 'Workers', label: 'Workers' }]);
    expect(reused.edges.map((e) => e.id)).toEqual([
      'Producer-->Broker',
      'Broker-->W1',
      'Broker-->W2',
      'W1-->Results',
      'W2-->Results',
    ]);
  });

  it('accepts a header without direction, `;` terminators, comments, BOM, CRLF and tabs', async () => {
    expect((await parse(corpus('header-no-direction.mmd'))).direction).toBe('TB');
    expect((await parse(corpus('semicolons-inline.mmd'))).nodes).toHaveLength(6);
    expect((await parse(corpus('graph-bt-comments.mmd'))).direction).toBe('BT');
    const crlf = await parse(corpus('crlf-bom-tabs.mmd'));
    expect(crlf.nodes.map((n) => n.id)).toEqual(['Client', 'LB', 'S1', 'S2', 'DB']);
    expect(node(crlf, 'S1')?.params).toEqual({ ...DEFAULT_SERVICE, workers: 4 });
  });

  it('ignores %%{init}%% (including security keys) with a notice', async () => {
    const result = await parseMermaid(corpus('redis-cache-aside.mmd'));
    expect(result.ok).toBe(true);
    if (result.ok)
      expect(result.notices[0]).toMatchObject({
        line: 1,
        column: 1,
        message: expect.stringContaining('init'),
      });
  });
});

describe('annotations', () => {
  it('read the DESIGN.md §5 example', async () => {
    const doc = await parse(corpus('annotated-params.mmd'));
    expect(node(doc, 'Client')).toMatchObject({ kind: 'client', params: { ...DEFAULT_CLIENT, retries: 1 } });
    expect(doc.edges.find((e) => e.id === 'LB-->S1')?.params.latency).toEqual({
      type: 'const',
      valueMs: 0.5,
    });
    expect(doc.scenario).toEqual([
      { atSec: 60, action: 'fail', target: 'S1' },
      { atSec: 120, action: 'recover', target: 'S1' },
    ]);
    expect(doc.sim).toEqual({ seed: 42, durationSec: 300, warmupSec: 0 });
  });

  it('apply kind= before other keys, whatever the order, and take labels, positions and failed=', async () => {
    const doc = await parse(
      [
        'flowchart LR',
        '  A --> B',
        '%% @A rate=50/s',
        '%% @A kind=client label="Mobile users" pos=10.5,-20',
        '%% @B failed=true',
        '%% @node sim kind=cache',
      ]
        .join('\n')
        .replace('A --> B', 'A --> B --> sim'),
    );
    expect(node(doc, 'A')).toMatchObject({
      kind: 'client',
      label: 'Mobile users',
      position: { x: 10.5, y: -20 },
      params: { ratePerSec: 50 },
    });
    expect(node(doc, 'B')?.startsFailed).toBe(true);
    expect(node(doc, 'sim')?.kind).toBe('cache');
  });

  it('read every scenario action, with targets that are nodes, subgraphs or edges', async () => {
    const doc = await parse(
      [
        'flowchart LR',
        '  C[Client] --> S[Server]',
        '  subgraph Z[Zone]',
        '    S',
        '  end',
        '%% @at 10s fail S mode=hang',
        '%% @at 20s degrade S factor=3 errors=5%',
        '%% @at 30s degrade C-->S latency=50ms loss=0.01',
        '%% @at 40s partition Z',
        '%% @at 50s load C rate=800/s',
        '%% @at 1.5m recover S',
      ].join('\n'),
    );
    expect(doc.scenario).toEqual([
      { atSec: 10, action: 'fail', target: 'S', mode: 'hang' },
      { atSec: 20, action: 'degrade', target: 'S', factor: 3, errorRate: 0.05 },
      { atSec: 30, action: 'degrade', target: 'C-->S', addedLatencyMs: 50, loss: 0.01 },
      { atSec: 40, action: 'partition', target: 'Z' },
      { atSec: 50, action: 'load', target: 'C', ratePerSec: 800 },
      { atSec: 90, action: 'recover', target: 'S' },
    ]);
  });

  it('read region latency on subgraphs and alert rules', async () => {
    const doc = await parse(
      [
        'flowchart LR',
        '  C[Client] --> LB --> S',
        '  subgraph EU[eu-west-1]',
        '    LB',
        '    S',
        '  end',
        '%% @EU latency=const(40ms)',
        '%% @alert errors metric=error_rate threshold=1% for=10s',
        '%% @alert "slow LB" metric=p99 threshold=250ms for=30s target=LB',
        '%% @alert backlog metric=backlog threshold=1000 for=5s target=S',
      ].join('\n'),
    );
    expect(doc.groups).toEqual([{ id: 'EU', label: 'eu-west-1', latency: { type: 'const', valueMs: 40 } }]);
    expect(doc.alerts).toEqual([
      { id: 'errors', metric: 'error_rate', threshold: 0.01, forSec: 10 },
      { id: 'slow LB', metric: 'p99', threshold: 250, forSec: 30, target: 'LB' },
      { id: 'backlog', metric: 'backlog', threshold: 1000, forSec: 5, target: 'S' },
    ]);
    expect(await parse(toMermaid(doc))).toStrictEqual(doc);
  });

  it('report bad alert rules at their tokens', async () => {
    const result = await parseMermaid(
      'flowchart LR\n  A --> B\n%% @alert x metric=latency threshold=1 for=5s\n%% @alert y metric=p99 for=5s\n%% @alert z metric=backlog threshold=5 for=5s target=Q\n',
    );
    expect(result.ok ? [] : result.errors.map((e) => [e.line, e.column, e.message])).toEqual([
      [3, 20, 'unknown metric "latency" (use error_rate, p99, backlog)'],
      [4, 11, '@alert y needs threshold'],
      [5, 54, 'unknown node "Q" (not in the diagram)'],
    ]);
  });

  it("read a node's cost per hour, and refuse a negative one at its location", async () => {
    const result = await parseMermaid('flowchart LR\n  A[Orders DB] --> B\n%% @A replicas=2 cost=3/h\n');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.notices).toEqual([]);
    expect(node(result.document, 'A')).toMatchObject({ cost: 3, params: { replicas: 2 } });
    const negative = await parseMermaid('flowchart LR\n  A --> B\n%% @A cost=-1\n');
    expect(negative.ok ? [] : negative.errors.map((e) => [e.line, e.column])).toEqual([[3, 12]]);
  });
});

describe('presets', () => {
  it.each(PRESETS.map((preset) => [preset.id, preset.document] as const))(
    '%s survives document → Mermaid → document',
    async (_id, doc) => {
      expect(await parse(toMermaid(doc))).toStrictEqual(doc);
    },
  );
});
