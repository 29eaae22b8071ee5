// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { parseMermaid, toMermaid } from '../../src/mermaid';
import { validateDocument } from '../../src/model/validate';
import type { ArchDocument } from '../../src/model/types';
import { documentFromJson, documentToJson } from '../../src/share/document-json';

/**
 * The metastable-failure parameters as written in Mermaid (README "Keyed caches" … "Capacity fault"):
 * each key is read into the document, written back the same, and bad values are refused where they are
 * typed, with the allowed range in the message.
 */
const DIAGRAM = [
  'flowchart LR',
  '  Users --> RL[Rate limiter] --> API --> Cache[(Redis)] --> DB[(Orders DB)]',
  '%% @Users kind=client arrival=closed users=200 think=exp(2s) keys=zipf(100000,1.1)',
  '%% @RL limit=100/s burst=20',
  '%% @API load_latency=poly(2,3) shed=80 max_wait=1s queue_order=lifo',
  '%% @Cache ttl=5s size=80 evict=fifo',
  '%% @DB load_latency=exp(1.5)',
  '%% @at 10s flush Cache',
  '%% @at 20s degrade API workers=50%',
].join('\n');

async function parse(text: string): Promise<ArchDocument> {
  const result = await parseMermaid(text);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.document;
}

async function errorsOf(text: string) {
  const result = await parseMermaid(text);
  return result.ok ? [] : result.errors;
}

const byId = (doc: ArchDocument, id: string) => doc.nodes.find((n) => n.id === id);

describe('reading the new keys', () => {
  it('reads every key into the document, infers the limiter, and round-trips', async () => {
    const doc = await parse(DIAGRAM);
    expect(byId(doc, 'RL')?.kind).toBe('limiter');
    expect(byId(doc, 'Users')?.params).toMatchObject({
      arrival: 'closed',
      users: 200,
      think: { type: 'exp', meanMs: 2000 },
      keys: { type: 'zipf', n: 100_000, s: 1.1 },
    });
    expect(byId(doc, 'RL')?.params).toEqual({ limit: { type: 'rate', perSec: 100 }, burst: 20 });
    expect(byId(doc, 'API')?.params).toMatchObject({
      loadLatency: { type: 'poly', k: 2, n: 3 },
      shed: 80,
      maxWaitMs: 1000,
      queueOrder: 'lifo',
    });
    expect(byId(doc, 'Cache')?.params).toMatchObject({ ttlMs: 5000, size: 80, evict: 'fifo' });
    expect(byId(doc, 'DB')?.params).toMatchObject({ loadLatency: { type: 'exp', k: 1.5 } });
    expect(doc.scenario).toEqual([
      { atSec: 10, action: 'flush', target: 'Cache' },
      { atSec: 20, action: 'degrade', target: 'API', workersShare: 0.5 },
    ]);
    expect(validateDocument(doc)).toEqual([]);
    expect(await parse(toMermaid(doc))).toStrictEqual(doc);
  });

  it('a concurrency limit, uniform keys and a probabilistic hit ratio', async () => {
    const doc = await parse(
      'flowchart LR\n  C[Client] --> T[Throttle] --> K[Cache]\n%% @C keys=5000\n%% @T limit=50\n%% @K hit=90%\n',
    );
    expect(byId(doc, 'T')?.params).toEqual({ limit: { type: 'concurrency', max: 50 } });
    expect(byId(doc, 'C')?.params).toMatchObject({ keys: { type: 'uniform', n: 5000 } });
    expect(byId(doc, 'K')?.params).toMatchObject({ hitRatio: 0.9 });
    expect(await parse(toMermaid(doc))).toStrictEqual(doc);
  });

  it('share links carry every new key (strict JSON schema)', async () => {
    const doc = await parse(DIAGRAM);
    expect(documentFromJson(documentToJson(doc))).toStrictEqual({ ok: true, document: doc });
  });
});

describe('bad values are refused where they are written, with the range', () => {
  it.each([
    ['%% @Users keys=0', 3, 'keys must be a whole number of keys from 1 to 10,000,000'],
    ['%% @Users keys=zipf(100,0)', 3, 'exponent s must be above 0'],
    ['%% @Cache size=-1', 3, 'size must be a whole number from 1'],
    ['%% @Cache ttl=-2s', 3, 'cannot be negative'],
    ['%% @Cache evict=random', 3, 'choose one of lru, fifo'],
    ['%% @Cache hit=150%', 3, 'probability'],
    ['%% @API load_latency=exp(-1)', 3, 'exp(k): k must be from 0 to 50'],
    ['%% @API load_latency=poly(2)', 3, 'write linear(k), poly(k,n) or exp(k)'],
    ['%% @API shed=-5', 3, 'shed must be a whole number from 0'],
    ['%% @API max_wait=soon', 3, 'not a duration'],
    ['%% @API queue_order=random', 3, 'choose one of fifo, lifo'],
    ['%% @RL limit=0/s', 3, 'a rate limit must be above 0/s'],
    ['%% @RL limit=2.5', 3, 'whole number of requests'],
    ['%% @RL burst=0', 3, 'burst must be a number of requests from 1'],
    ['%% @at 5s degrade API workers=0%', 3, 'share of workers left'],
  ])('%s', async (line, lineNumber, message) => {
    const text = `flowchart LR\n  Users --> RL[Rate limiter] --> API --> Cache[(Redis)]\n${line}\n`;
    const [error] = await errorsOf(text);
    expect(error?.message).toContain(message);
    expect(error?.line).toBe(lineNumber);
    expect(error?.column).toBeGreaterThan(1);
  });

  it('flush of a node that is not a cache is refused', async () => {
    const errors = await errorsOf('flowchart LR\n  C[Client] --> API\n%% @at 5s flush API\n');
    expect(errors.map((e) => e.message).join(' ')).toContain('flush empties a cache');
  });

  it('think= on an open-loop client is a warning at the key, and the run ignores it', async () => {
    const result = await parseMermaid('flowchart LR\n  C[Client] --> API\n%% @C rate=100/s think=exp(1s)\n');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.notices).toEqual([
      expect.objectContaining({
        line: 3,
        column: 18,
        message: expect.stringContaining('closed-loop clients only'),
      }),
    ]);
  });

  it('a load step on a closed population is refused at the step, pointing to users=', async () => {
    const text =
      'flowchart LR\n  C[Client] --> API\n%% @C arrival=closed users=50 think=exp(1s)\n%% @at 10s load C rate=800/s\n';
    const errors = await errorsOf(text);
    expect(errors).toEqual([
      expect.objectContaining({
        line: 4,
        message: expect.stringContaining('set users= instead of a load step'),
      }),
    ]);
  });
});
