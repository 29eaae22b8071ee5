/**
 * Links that decode to data that is not a valid document, or that tries to be more than data:
 * prototype pollution and hostile text (DESIGN.md §7, "decoding is untrusted input").
 */
import { describe, expect, it } from 'vitest';
import { ACTIVE_ACTIVE } from '../../src/model/presets';
import type { ArchDocument } from '../../src/model/types';
import { encodeLink, type LinkError } from '../../src/share/link';
import { decoded, failure, FROZEN_V1_JSON, linkOfData, seedData, v1LinkOfText } from './link-fixtures';

const seed = ACTIVE_ACTIVE.document;

describe('share links whose document is not valid', () => {
  /** Decodes a changed copy of the seed document and returns the error's path and problems. */
  async function invalid(
    change: (data: ReturnType<typeof seedData>) => unknown,
  ): Promise<LinkError & { kind: 'invalid' }> {
    const data = seedData();
    const changed = change(data) ?? data;
    const error = await failure(await linkOfData(changed));
    expect(error.kind).toBe('invalid');
    return error as LinkError & { kind: 'invalid' };
  }
  const params = (data: ReturnType<typeof seedData>, index: number) =>
    (data.nodes[index] as { params: Record<string, unknown> }).params;

  it('names the path of a wrong shape', async () => {
    expect(await invalid(() => [])).toMatchObject({
      path: 'document',
      message: "This link's document is not valid: document: expected an object.",
    });
    expect((await invalid(() => ({ nodes: 5 }))).problems).toContainEqual({
      path: 'nodes',
      message: 'expected an array',
    });
    expect(await invalid((d) => void (d.direction = 'XY'))).toMatchObject({ path: 'direction' });
    expect(await invalid((d) => void (params(d, 2).workers = '8'))).toMatchObject({
      path: 'nodes.Server1.params.workers',
      problems: [{ path: 'nodes.Server1.params.workers', message: 'expected a finite number' }],
    });
    expect(await invalid((d) => void delete d.sim)).toMatchObject({
      path: 'document',
      problems: [{ message: 'missing "sim"' }],
    });
    expect(await invalid((d) => void (d.extra = true))).toMatchObject({
      path: 'document',
      problems: [{ message: 'unknown key "extra"' }],
    });
    const many = await invalid((d) => void ((d.direction = 'XY'), (d.name = 5)));
    expect(many.message).toMatch(/\(and 1 more problem\)\.$/);
  });

  it('refuses numbers that are not finite, or "inf" where a number must be finite', async () => {
    const huge = await failure(await v1LinkOfText(FROZEN_V1_JSON.replace('"workers":6', '"workers":1e999')));
    expect(huge).toMatchObject({ kind: 'invalid', path: 'nodes.Server1.params.workers' });
    expect(await invalid((d) => void (params(d, 0).ratePerSec = 'inf'))).toMatchObject({
      path: 'nodes.Client.params.ratePerSec',
    });
    expect(await invalid((d) => void (params(d, 0).ratePerSec = '-inf'))).toMatchObject({
      path: 'nodes.Client.params.ratePerSec',
    });
    expect(await invalid((d) => void (params(d, 2).queueCapacity = 'Infinity'))).toMatchObject({
      path: 'nodes.Server1.params.queueCapacity',
    });
  });

  it('refuses numbers out of range, with the field path', async () => {
    expect(await invalid((d) => void (params(d, 2).workers = 1e9))).toMatchObject({
      path: 'nodes.Server1.params.workers',
    });
    expect(await invalid((d) => void (params(d, 2).workers = 0))).toMatchObject({
      path: 'nodes.Server1.params.workers',
    });
    expect(await invalid((d) => void (params(d, 0).ratePerSec = -1))).toMatchObject({
      path: 'nodes.Client.params.rate',
    });
    expect(await invalid((d) => void (params(d, 0).retries = 1.5))).toMatchObject({
      path: 'nodes.Client.params.retries',
    });
    expect(await invalid((d) => void ((d.sim as Record<string, unknown>).seed = 2 ** 33))).toMatchObject({
      path: 'sim.seed',
    });
    expect(await invalid((d) => void ((d.sim as Record<string, unknown>).durationSec = 1e12))).toMatchObject({
      path: 'sim.durationSec',
    });
  });

  it('refuses ids that point nowhere or repeat', async () => {
    const edges = (d: ReturnType<typeof seedData>) => d.edges as Record<string, unknown>[];
    expect(await invalid((d) => void (edges(d)[3]!.target = 'Nowhere'))).toMatchObject({
      path: 'edges.Server1-->DB.target',
    });
    expect(await invalid((d) => void (d.nodes[2]!.group = 'Nowhere'))).toMatchObject({
      path: 'nodes.Server1.group',
    });
    expect(
      await invalid((d) => void (d.scenario = [{ atSec: 10, action: 'fail', target: 'Nowhere' }])),
    ).toMatchObject({ path: 'scenario.0.target' });
    expect(await invalid((d) => void (d.nodes[3]!.id = 'Server1'))).toMatchObject({
      problems: expect.arrayContaining([
        { path: 'nodes.Server1', message: 'node id "Server1" is used twice' },
      ]),
    });
    expect(await invalid((d) => void edges(d).push(edges(d)[0]!))).toMatchObject({
      path: 'edges.Client-->LoadBalancer',
    });
  });
});

describe('prototype pollution', () => {
  /** Gives `target` an own, enumerable key (even `__proto__`), as JSON text can. */
  const plant = (target: unknown, key: string) =>
    Object.defineProperty(target, key, {
      value: { polluted: 'yes', toString: 'no' },
      enumerable: true,
      writable: true,
      configurable: true,
    });

  const places: readonly [string, (d: ReturnType<typeof seedData>) => unknown][] = [
    ['document', (d) => d],
    ['nodes.Server1', (d) => d.nodes[2]],
    ['nodes.Server1.params', (d) => (d.nodes[2] as { params: unknown }).params],
    ['nodes.Server1.params.service', (d) => (d.nodes[2] as { params: { service: unknown } }).params.service],
    [
      'edges.Client-->LoadBalancer.params.latency',
      (d) => (d.edges as { params: { latency: unknown } }[])[0]!.params.latency,
    ],
    ['groups.Servers', (d) => (d.groups as unknown[])[0]],
    ['sim', (d) => d.sim],
    ['classDefs.1', (d) => (d.classDefs as unknown[])[1]],
  ];

  for (const key of ['__proto__', 'constructor', 'prototype']) {
    it(`refuses a "${key}" key at every depth, with its path, and pollutes nothing`, async () => {
      for (const [path, at] of places) {
        const data = seedData();
        plant(at(data), key);
        const text = JSON.stringify(data);
        expect(text).toContain(`"${key}":{"polluted":"yes"`);
        const error = await failure(await v1LinkOfText(text));
        expect(error).toMatchObject({
          kind: 'invalid',
          path,
          problems: [{ path, message: `unknown key "${key}"` }],
        });
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        expect(Object.prototype).not.toHaveProperty('polluted');
      }
    });
  }

  /** A merge as naive as many a settings merge: it trusts every key it is given. */
  function naiveMerge(target: Record<string, unknown>, source: unknown): Record<string, unknown> {
    for (const [key, value] of Object.entries(source as Record<string, unknown>)) {
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
        const into = (target[key] ?? {}) as Record<string, unknown>;
        target[key] = naiveMerge(into, value);
      } else target[key] = value;
    }
    return target;
  }

  it('the naive merge below really would be polluted by parsed JSON (the control)', () => {
    try {
      naiveMerge({}, JSON.parse('{"__proto__": {"pollutedByControl": 1}}'));
      expect(({} as Record<string, unknown>).pollutedByControl).toBe(1);
    } finally {
      delete (Object.prototype as Record<string, unknown>).pollutedByControl;
    }
  });

  it('a decoded document is plain data: ordinary prototypes, no dangerous own keys, safe to spread and merge', async () => {
    const hostileIds = ['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString'];
    const data = seedData();
    hostileIds.forEach((id, index) => {
      const node = data.nodes[index]!;
      const old = node.id as string;
      node.id = id;
      node.label = id;
      const json = JSON.stringify(data)
        .replaceAll(`"${old}"`, `"${id}"`)
        .replaceAll(`"${old}-->`, `"${id}-->`)
        .replaceAll(`-->${old}"`, `-->${id}"`);
      Object.assign(data, JSON.parse(json));
    });
    const doc = await decoded(await linkOfData(data));
    expect(doc.nodes.map((n) => n.id)).toEqual(hostileIds);

    const seen: unknown[] = [];
    const walk = (value: unknown) => {
      if (value === null || typeof value !== 'object') return;
      seen.push(value);
      expect(Object.getPrototypeOf(value)).toBe(Array.isArray(value) ? Array.prototype : Object.prototype);
      for (const key of ['__proto__', 'constructor', 'prototype'])
        expect(Object.hasOwn(value, key)).toBe(false);
      for (const item of Object.values(value)) walk(item);
    };
    walk(doc);
    expect(seen.length).toBeGreaterThan(30);

    const spread = { ...doc, nodes: doc.nodes.map((n) => ({ ...n, params: { ...n.params } })) };
    const assigned = Object.assign({}, ...doc.nodes);
    const merged = naiveMerge({}, structuredClone(doc));
    const byId = Object.fromEntries(doc.nodes.map((n) => [n.id, n]));
    expect(Object.getPrototypeOf(byId)).toBe(Object.prototype);
    expect(Object.hasOwn(byId, '__proto__')).toBe(true);
    expect(new Map(doc.nodes.map((n) => [n.id, n])).get('constructor')?.label).toBe('constructor');
    for (const made of [spread, assigned, merged, byId])
      expect(Object.getPrototypeOf(made)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as { constructor: unknown }).constructor).toBe(Object);
  });
});

describe('hostile text', () => {
  const hostile = [
    '<img src=x onerror=alert(1)>',
    '</script><script>alert(1)</script>',
    '"},"__proto__":{"polluted":true},"x":{"',
    '\u202eevil\u202c',
    'line\nbreak\r\u2028\u2029',
    '\u0000\u0007\u001b[31m',
    'lone \ud800 surrogate',
    '#v1.%23%2B+/=',
    '🙂 中文 ﬂ',
    'x'.repeat(5000),
  ];

  it('is only text: labels and names round-trip exactly', async () => {
    const doc: ArchDocument = {
      ...seed,
      name: hostile.join(' '),
      nodes: seed.nodes.map((n, i) => ({ ...n, label: hostile[i % hostile.length] as string })),
      groups: seed.groups.map((g) => ({ ...g, label: hostile[9] as string })),
    };
    expect(await decoded(await encodeLink(doc))).toStrictEqual(doc);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('keeps error messages to one plain line whatever the ids hold', async () => {
    const data = seedData();
    data.nodes[3]!.id = 'a\nb\u202ec\u2028d';
    data.nodes[2]!.id = 'a\nb\u202ec\u2028d';
    const error = await failure(await linkOfData(data));
    expect(error.kind).toBe('invalid');
    expect(error.message).not.toMatch(/[\n\u202e\u2028]/);
    const long = seedData();
    long.nodes[3]!.id = 'y'.repeat(10_000);
    long.nodes[2]!.id = 'y'.repeat(10_000);
    expect((await failure(await linkOfData(long))).message.length).toBeLessThanOrEqual(300);
  });
});
