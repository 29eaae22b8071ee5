import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Every metastable-failure key (README "Metastable failures") given a bad value, for the Mermaid
 * (test/overload-bad-input.test.ts) and the JSON and link (test/share/overload-bad-input.test.ts) ways in.
 * BASE is a valid document using them all; `overload-base.json` is the same document as JSON (the Mermaid
 * test checks that they agree).
 */
export const BASE = [
  'flowchart LR',
  '  Users --> RL[Rate limiter] --> API --> Cache[(Redis)]',
  '  API --> Q[Queue] --> Worker',
  '%% @Users kind=client arrival=closed users=20 think=exp(1s) keys=zipf(1000,1)',
  '%% @RL limit=100/s burst=10',
  '%% @API load_latency=linear(1) shed=50 max_wait=1s queue_order=lifo',
  '%% @Q kind=queue shed=100',
  '%% @Cache ttl=5s size=100 evict=lru',
  '%% @sim duration=20s',
];
export const BAD_LINE = BASE.length + 1;

export type Json = {
  nodes: { id: string; params: Record<string, unknown> }[];
  scenario: Record<string, unknown>[];
};
const params = (doc: Json, id: string) => doc.nodes.find((n) => n.id === id)?.params ?? {};

export interface BadCase {
  /** The annotation line with the bad value, and the value (where the error must point). */
  readonly line: string;
  readonly value: string;
  readonly message: string;
  /**
   * The same mistake in the JSON document, and the field path its error must name: the node by its id,
   * for the model's range checks and the JSON schema's shape checks (a value of the wrong form) alike.
   */
  readonly json: (doc: Json) => void;
  readonly path: string;
  readonly jsonMessage: string;
}

export const CASES: readonly BadCase[] = [
  {
    line: '%% @Users keys=0',
    value: '0',
    message: 'keys must be a whole number of keys from 1 to 10,000,000',
    json: (d) => void (params(d, 'Users')['keys'] = { type: 'uniform', n: 0 }),
    path: 'nodes.Users.params.keys',
    jsonMessage: 'from 1 to 10000000',
  },
  {
    line: '%% @Users keys=zipf(0,1)',
    value: 'zipf(0,1)',
    message: 'zipf(N,s): N must be a whole number of keys from 1 to 10,000,000',
    json: (d) => void (params(d, 'Users')['keys'] = { type: 'zipf', n: 0, s: 1 }),
    path: 'nodes.Users.params.keys',
    jsonMessage: 'from 1 to 10000000',
  },
  {
    line: '%% @Users keys=zipf(1000,0)',
    value: 'zipf(1000,0)',
    message: 'the exponent s must be above 0 and at most 10',
    json: (d) => void (params(d, 'Users')['keys'] = { type: 'zipf', n: 1000, s: 0 }),
    path: 'nodes.Users.params.keys',
    jsonMessage: 'above 0',
  },
  {
    line: '%% @Cache size=-1',
    value: '-1',
    message: 'size must be a whole number from 1 to 10,000,000, or inf',
    json: (d) => void (params(d, 'Cache')['size'] = -1),
    path: 'nodes.Cache.params.size',
    jsonMessage: 'from 1',
  },
  {
    line: '%% @Cache ttl=-1s',
    value: '-1s',
    message: 'cannot be negative',
    json: (d) => void (params(d, 'Cache')['ttlMs'] = -1000),
    path: 'nodes.Cache.params.ttl',
    jsonMessage: 'cannot be negative',
  },
  {
    line: '%% @Cache evict=random',
    value: 'random',
    message: 'choose one of lru, fifo',
    json: (d) => void (params(d, 'Cache')['evict'] = 'random'),
    path: 'nodes.Cache.params.evict',
    jsonMessage: 'lru',
  },
  {
    line: '%% @Cache hit=150%',
    value: '150%',
    message: 'a probability must be between 0 and 1 (0% to 100%)',
    json: (d) => void (params(d, 'Cache')['hitRatio'] = 1.5),
    path: 'nodes.Cache.params.hit',
    jsonMessage: 'between 0 and 1',
  },
  {
    line: '%% @API load_latency=exp(-1)',
    value: 'exp(-1)',
    message: 'exp(k): k must be from 0 to 50',
    json: (d) => void (params(d, 'API')['loadLatency'] = { type: 'exp', k: -1 }),
    path: 'nodes.API.params.load_latency',
    jsonMessage: 'from 0 to 50',
  },
  {
    line: '%% @API load_latency=poly(1)',
    value: 'poly(1)',
    message: 'write linear(k), poly(k,n) or exp(k)',
    json: (d) => void (params(d, 'API')['loadLatency'] = { type: 'poly', k: 1 }),
    path: 'nodes.API.params.loadLatency',
    jsonMessage: 'n',
  },
  {
    line: '%% @API shed=-1',
    value: '-1',
    message: 'shed must be a whole number from 0 to 10,000,000, or inf',
    json: (d) => void (params(d, 'API')['shed'] = -1),
    path: 'nodes.API.params.shed',
    jsonMessage: 'from 0',
  },
  {
    line: '%% @Q shed=-1',
    value: '-1',
    message: 'shed must be a whole number from 0',
    json: (d) => void (params(d, 'Q')['shed'] = -1),
    path: 'nodes.Q.params.shed',
    jsonMessage: 'from 0',
  },
  {
    line: '%% @API max_wait=0',
    value: '0',
    message: 'must be above 0',
    json: (d) => void (params(d, 'API')['maxWaitMs'] = 0),
    path: 'nodes.API.params.max_wait',
    jsonMessage: 'above 0',
  },
  {
    line: '%% @API queue_order=random',
    value: 'random',
    message: 'choose one of fifo, lifo',
    json: (d) => void (params(d, 'API')['queueOrder'] = 'random'),
    path: 'nodes.API.params.queueOrder',
    jsonMessage: 'lifo',
  },
  {
    line: '%% @RL limit=0/s',
    value: '0/s',
    message: 'a rate limit must be above 0/s and at most 1,000,000/s',
    json: (d) => void (params(d, 'RL')['limit'] = { type: 'rate', perSec: 0 }),
    path: 'nodes.RL.params.limit',
    jsonMessage: 'above 0/s',
  },
  {
    line: '%% @RL limit=0',
    value: '0',
    message: 'a concurrency limit must be a whole number of requests from 1 to 1,000,000',
    json: (d) => void (params(d, 'RL')['limit'] = { type: 'concurrency', max: 0 }),
    path: 'nodes.RL.params.limit',
    jsonMessage: 'from 1',
  },
  {
    line: '%% @RL burst=0',
    value: '0',
    message: 'burst must be a number of requests from 1 to 10,000,000',
    json: (d) => void (params(d, 'RL')['burst'] = 0),
    path: 'nodes.RL.params.burst',
    jsonMessage: 'from 1',
  },
  {
    line: '%% @Users users=0',
    value: '0',
    message: 'must be at least 1',
    json: (d) => void (params(d, 'Users')['users'] = 0),
    path: 'nodes.Users.params.users',
    jsonMessage: 'at least 1',
  },
  {
    line: '%% @at 5s degrade API workers=0%',
    value: '0%',
    message: 'workers= is the share of workers left, above 0% and at most 100%',
    json: (d) => void d.scenario.push({ atSec: 5, action: 'degrade', target: 'API', workersShare: 0 }),
    path: 'scenario.0.workersShare',
    jsonMessage: 'above 0',
  },
  {
    line: '%% @at 5s degrade API workers=150%',
    value: '150%',
    message: 'workers= is the share of workers left, above 0% and at most 100%',
    json: (d) => void d.scenario.push({ atSec: 5, action: 'degrade', target: 'API', workersShare: 1.5 }),
    path: 'scenario.0.workersShare',
    jsonMessage: 'at most',
  },
  {
    line: '%% @at 5s degrade RL workers=50%',
    value: '50%',
    message: 'Rate limiter is a limiter and has none',
    json: (d) => void d.scenario.push({ atSec: 5, action: 'degrade', target: 'RL', workersShare: 0.5 }),
    path: 'scenario.0.workersShare',
    jsonMessage: 'has none',
  },
  {
    line: '%% @at 5s degrade API-->Cache workers=50%',
    value: '50%',
    message: 'an edge has none',
    json: (d) =>
      void d.scenario.push({ atSec: 5, action: 'degrade', target: 'API-->Cache', workersShare: 0.5 }),
    path: 'scenario.0.workersShare',
    jsonMessage: 'an edge has none',
  },
  {
    line: '%% @at 5s degrade RL factor=3',
    value: '3',
    message: "factor= changes a node's own work; Rate limiter is a limiter and does none",
    json: (d) => void d.scenario.push({ atSec: 5, action: 'degrade', target: 'RL', factor: 3 }),
    path: 'scenario.0.factor',
    jsonMessage: 'does none',
  },
  {
    line: '%% @at 5s degrade API-->Cache errors=10%',
    value: '10%',
    message: "errors= changes a node's own work; an edge takes latency= or loss=",
    json: (d) => void d.scenario.push({ atSec: 5, action: 'degrade', target: 'API-->Cache', errorRate: 0.1 }),
    path: 'scenario.0.errorRate',
    jsonMessage: 'an edge takes',
  },
  {
    line: '%% @at 5s degrade API latency=50ms',
    value: '50ms',
    message: 'latency= changes an edge (A-->B) or a group; a node takes factor=, errors= or workers=',
    json: (d) => void d.scenario.push({ atSec: 5, action: 'degrade', target: 'API', addedLatencyMs: 50 }),
    path: 'scenario.0.addedLatencyMs',
    jsonMessage: 'a node takes',
  },
  {
    line: '%% @at 5s flush API',
    value: 'API',
    message: 'flush empties a cache: its target must be a cache node',
    json: (d) => void d.scenario.push({ atSec: 5, action: 'flush', target: 'API' }),
    path: 'scenario.0.target',
    jsonMessage: 'must be a cache node',
  },
];

/** The base document as JSON text. */
export const BASE_JSON = readFileSync(join(import.meta.dirname, 'overload-base.json'), 'utf8');
