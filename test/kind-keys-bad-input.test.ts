import { describe, expect, it } from 'vitest';
import { parseMermaid } from '../src/mermaid';
import { KINDS } from '../src/model/kinds';
import { WORKER_PARAMS } from '../src/model/params';
import type { ArchDocument } from '../src/model/types';
import { documentFromJson, documentToJson } from '../src/share/document-json';
import { decodeLink, encodeLink } from '../src/share/link';

/**
 * Keys a kind does not take because its engine never reads them (test/kind-params-read.test.ts): a DNS
 * node's worker-pool, downstream-timeout and shedding keys, a message queue's downstream timeout. Each is
 * refused with its place: in Mermaid at the key's line and column, in a JSON file or link at the node's
 * params by id. A DNS node's worker-pool keys, which every JSON document of earlier versions held, still
 * open there and are dropped (README "Share links": every version keeps decoding).
 */
const BASE = [
  'flowchart LR',
  '  Users --> DNS --> API',
  '  API --> Q[Queue] --> Worker',
  '%% @DNS kind=dns ttl=30s',
  '%% @sim duration=10s',
];

async function parsed(lines: readonly string[]): Promise<ArchDocument> {
  const result = await parseMermaid(lines.join('\n'));
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.document;
}

/** What a service writes for each worker key in Mermaid, and in JSON (its default or a set value). */
const SAMPLES: Readonly<Record<keyof typeof WORKER_PARAMS, { text: string; json: unknown }>> = {
  workers: { text: '4', json: 4 },
  service: { text: 'exp(5ms)', json: { type: 'exp', meanMs: 5 } },
  queueCapacity: { text: '10', json: 10 },
  timeoutMs: { text: '1s', json: 1000 },
  shed: { text: '50', json: 50 },
  maxWaitMs: { text: '1s', json: 1000 },
  queueOrder: { text: 'lifo', json: 'lifo' },
};

/** Every worker key a kind does not take, from the registry: DNS all of them, a queue `timeout`. */
const REFUSED = (['dns', 'queue'] as const).flatMap((kind) =>
  (Object.keys(WORKER_PARAMS) as (keyof typeof WORKER_PARAMS)[])
    .filter((prop) => !Object.hasOwn(KINDS[kind].params, prop))
    .map((prop) => ({ kind, id: kind === 'dns' ? 'DNS' : 'Q', prop, key: WORKER_PARAMS[prop].key })),
);

describe('keys a kind does not take', () => {
  it('are the worker keys of DNS and the downstream timeout of a queue', () => {
    expect(REFUSED.map(({ kind, key }) => `${kind} ${key}`)).toEqual([
      'dns workers',
      'dns service',
      'dns queue',
      'dns timeout',
      'dns shed',
      'dns max_wait',
      'dns queue_order',
      'queue timeout',
    ]);
  });

  it.each(REFUSED)(
    '$kind $key= in Mermaid: refused at its line and column',
    async ({ kind, id, prop, key }) => {
      const line = `%% @${id} ${kind === 'queue' ? 'kind=queue ' : ''}${key}=${SAMPLES[prop].text}`;
      const result = await parseMermaid([...BASE, line].join('\n'));
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.errors).toEqual([
        expect.objectContaining({
          line: BASE.length + 1,
          column: line.indexOf(`${key}=`) + 1,
          message: `"${key}" is not a parameter of a ${kind} node`,
        }),
      ]);
    },
  );

  const inJson = REFUSED.filter(({ kind, prop }) => !Object.hasOwn(KINDS[kind].retiredParams ?? {}, prop));

  it.each(inJson)(
    '$kind $prop in a JSON file and a link: refused at the node by id',
    async ({ id, prop }) => {
      const data = JSON.parse(documentToJson(await parsed([...BASE, '%% @Q kind=queue']))) as {
        nodes: { id: string; params: Record<string, unknown> }[];
      };
      data.nodes.find((node) => node.id === id)!.params[prop] = SAMPLES[prop].json;
      const read = documentFromJson(JSON.stringify(data));
      expect(read.ok ? [] : read.errors.map((e) => e.message)).toEqual([
        `nodes.${id}.params: unknown key "${prop}"`,
      ]);
      const link = await decodeLink(await encodeLink(data as unknown as ArchDocument));
      expect(link.ok ? null : link.error).toMatchObject({ kind: 'invalid', path: `nodes.${id}.params` });
    },
  );

  it('a DNS node as earlier versions wrote it (with a worker pool) still opens from JSON and a link, without it', async () => {
    const doc = await parsed(BASE);
    const json = documentToJson(doc);
    expect(json).not.toContain('"workers":64');
    const old = JSON.parse(json) as { nodes: { id: string; params: Record<string, unknown> }[] };
    Object.assign(old.nodes.find((node) => node.id === 'DNS')!.params, {
      workers: 64,
      service: { type: 'const', valueMs: 0.1 },
      queueCapacity: 'inf',
    });
    const read = documentFromJson(JSON.stringify(old));
    expect(read.ok && read.document).toEqual(doc);
    const link = await decodeLink(await encodeLink(old as unknown as ArchDocument));
    expect(link.ok && link.document).toEqual(doc);
    // In its old shape only: a retired key with a value of the wrong type is still an error, at its path.
    old.nodes.find((node) => node.id === 'DNS')!.params['workers'] = 'many';
    const bad = documentFromJson(JSON.stringify(old));
    expect(bad.ok ? [] : bad.errors.map((e) => e.message)).toEqual([
      'nodes.DNS.params.workers: expected a finite number',
    ]);
  });
});
