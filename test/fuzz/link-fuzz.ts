/**
 * Share-link fuzzing: real links (of the gallery presets) cut, spliced, re-encoded and damaged, and
 * links around mutated document JSON. Rules: `decodeLink` never throws or takes a second; an error has a
 * known kind, a plain one-line message and, when the document is invalid, a field path; and a decoded
 * document runs in the engine for a bounded number of events without throwing.
 */
import { DEFAULT_CLIENT, defaultParamsOf } from '../../src/model/defaults';
import { PRESETS } from '../../src/model/presets';
import type { ArchDocument } from '../../src/model/types';
import { documentToCompactJson } from '../../src/share/document-json';
import { decodeLink, encodeLink } from '../../src/share/link';
import { createSimulation } from '../../src/sim/engine';
import { v1LinkOfText } from '../share/link-fixtures';
import { describe, INTERNAL_WORDS, type Rng, type Verdict } from './harness';

const KINDS = new Set(['incomplete', 'damaged', 'newer-version', 'unknown-version', 'too-large', 'invalid']);
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
/** Events each decoded document runs for: enough to exercise every node, bounded so a run is quick. */
export const EVENTS_PER_RUN = 1500;

export const PRESET_DOCUMENTS: readonly ArchDocument[] = PRESETS.map((preset) => preset.document);

/** Links of every preset, made once (a link is text, as a fuzz input is). */
export async function presetLinks(): Promise<string[]> {
  return Promise.all(PRESET_DOCUMENTS.map((doc) => encodeLink(doc)));
}

export function generateLink(rng: Rng, links: readonly string[]): string {
  const link = rng.pick(links);
  const roll = rng.int(8);
  const at = rng.int(link.length);
  switch (roll) {
    case 0:
      return link.slice(0, at);
    case 1:
      return `${link.slice(0, at)}${rng.pick([...ALPHABET, '!', '%', '+', '/', '=', ' ', '#', '\u202e'])}${link.slice(at + 1)}`;
    case 2:
      return `${link.slice(0, at)}${rng.pick(links).slice(rng.int(40))}`;
    case 3:
      return `https://archplay.example/${rng.chance(0.5) ? '?x=1' : ''}#${link}`;
    case 4:
      return `${rng.pick(['v0.', 'v2.', 'v1', 'v99.', 'V1.', '', 'v1..'])}${link.slice(3)}`;
    case 5:
      return Array.from({ length: rng.int(200) }, () => rng.pick([...ALPHABET])).join('');
    case 6:
      return `${link.slice(0, at)}%${rng.pick(['20', '2', 'zz', '41'])}${link.slice(at)}`;
    default:
      return link.replace(/[A-Za-z]/, (ch) =>
        ch === ch.toLowerCase() ? ch.toUpperCase() : ch.toLowerCase(),
      );
  }
}

/** Changes one value somewhere in a JSON document: a number, a string, a key, a whole branch. */
export function mutateJson(rng: Rng, value: unknown, depth = 0): unknown {
  if (Array.isArray(value)) {
    if (value.length === 0 || rng.chance(0.1)) return rng.chance(0.5) ? [] : [...value, ...value];
    const copy = [...value];
    const i = rng.int(copy.length);
    const roll = rng.int(10);
    if (roll === 0) copy.splice(i, 1);
    else if (roll === 1) copy.push(copy[i]);
    else copy[i] = mutateJson(rng, copy[i], depth + 1);
    return copy;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) return { x: 1 };
    const [key, inner] = rng.pick(entries);
    const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
    const roll = rng.int(20);
    if (roll === 0) delete copy[key];
    else if (roll === 1)
      copy[rng.pick(['__proto__', 'constructor', 'extra', 'bidirectional', 'head'])] = true;
    else copy[key] = mutateJson(rng, inner, depth + 1);
    return copy;
  }
  if (typeof value === 'number')
    return rng.pick([0, -1, 1, 1e9, 1e-9, 0.5, value * 2, value / 3, 'inf', -0, 33, 2 ** 31, null]);
  if (typeof value === 'string')
    return rng.pick([
      '',
      value + value,
      'dns',
      'lb',
      'client',
      'service',
      'database',
      'queue',
      'cache',
      'exp',
      'const',
      'hash',
      'weighted',
      'Client',
      'DB',
      'x-->y',
      value.toUpperCase(),
      'inf',
    ]);
  if (typeof value === 'boolean') return !value;
  return rng.pick([1, 'x', true, null]);
}

const KIND_NAMES = ['client', 'lb', 'service', 'database', 'queue', 'cache', 'dns'] as const;

/**
 * A random topology of a few nodes of every kind with random links (cycles, both-way links, zero
 * latency): the shapes in which calls come back to the same instant, as DNS nodes answering each other.
 */
function randomTopology(rng: Rng): ArchDocument {
  const base = rng.pick(PRESET_DOCUMENTS);
  const count = 2 + rng.int(7);
  const nodes = Array.from({ length: count }, (_, i) => {
    const kind = i === 0 ? 'client' : rng.pick(KIND_NAMES);
    const params = kind === 'client' ? { ...DEFAULT_CLIENT, ratePerSec: 200 } : defaultParamsOf(kind);
    return { id: `N${i}`, label: `N${i}`, kind, params } as ArchDocument['nodes'][number];
  });
  const edges: ArchDocument['edges'][number][] = [];
  const links = count + rng.int(count * 2);
  for (let i = 0; i < links; i++) {
    const source = `N${rng.int(count)}`;
    const target = `N${rng.int(count)}`;
    const id = `${source}-->${target}`;
    if (source === target || edges.some((e) => e.id === id)) continue;
    const latency = rng.chance(0.7)
      ? { type: 'const' as const, valueMs: 0 }
      : { type: 'exp' as const, meanMs: 1 };
    edges.push({
      id,
      source,
      target,
      params: { latency, weight: 1, backup: rng.chance(0.1) },
      ...(rng.chance(0.3) ? { bidirectional: true } : {}),
    });
  }
  return {
    name: 'random topology',
    direction: base.direction,
    sim: base.sim,
    nodes,
    edges,
    groups: [],
    scenario: [],
  };
}

/** Documents whose calls come back to the same instant: zero latency, DNS and LB chains, cycles. */
export function generateDocumentJson(rng: Rng): string {
  if (rng.chance(0.4)) {
    const doc = JSON.parse(documentToCompactJson(randomTopology(rng))) as unknown;
    return JSON.stringify(rng.chance(0.3) ? mutateJson(rng, doc) : doc);
  }
  const doc = JSON.parse(documentToCompactJson(rng.pick(PRESET_DOCUMENTS))) as Record<string, unknown>;
  let data: unknown = doc;
  const edits = 1 + rng.int(6);
  for (let i = 0; i < edits; i++) data = mutateJson(rng, data);
  return JSON.stringify(data);
}

/** A decoded document runs for {@link EVENTS_PER_RUN} events: an exception here is an engine throw. */
function runBriefly(doc: ArchDocument): NonNullable<Verdict['problems']> {
  try {
    const sim = createSimulation(doc, { maxEvents: EVENTS_PER_RUN });
    sim.advance(doc.sim.durationSec, EVENTS_PER_RUN);
    sim.takeRows();
    sim.takeEvents();
    sim.totals();
    return [];
  } catch (error) {
    return [{ rule: 'engine-throw', detail: describe(error) }];
  }
}

export async function checkLink(link: string): Promise<Verdict> {
  const result = await decodeLink(link);
  if (result.ok) return { outcome: 'ok', problems: runBriefly(result.document) };
  const { error } = result;
  const problems: { rule: 'bad-error'; detail: string }[] = [];
  if (!KINDS.has(error.kind)) problems.push({ rule: 'bad-error', detail: `unknown kind ${error.kind}` });
  if (INTERNAL_WORDS.test(error.message) || /\n/.test(error.message) || error.message.length < 20)
    problems.push({ rule: 'bad-error', detail: `message "${error.message}"` });
  if (error.kind === 'invalid' && error.path === '')
    problems.push({ rule: 'bad-error', detail: 'an invalid document without a field path' });
  return { outcome: `error:${error.kind}`, problems };
}

/** A document fuzz input is JSON; it is put in a link and decoded as a shared document would be. */
export async function checkDocumentJson(json: string): Promise<Verdict> {
  return checkLink(await v1LinkOfText(json));
}
