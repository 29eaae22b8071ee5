/**
 * The archplay document: topology, parameters, scenario and run settings (DESIGN.md §2).
 * Pure data, JSON-serialisable, no behaviour. Times inside the model are in milliseconds unless a
 * name says otherwise (`atSec`, `durationSec`); rates are per second.
 */
import type { Expectation } from './expectation-types';
import type { Lesson } from './lesson-types';
import type { NodeKind, NodeParamsByKind } from './kinds';
import type {
  ARRIVALS,
  CACHE_PARAMS,
  EVICTIONS,
  FAILURE_MODES,
  LIMITER_PARAMS,
  QUEUE_ORDERS,
  CLIENT_PARAMS,
  DATABASE_PARAMS,
  DNS_PARAMS,
  ALL_EDGE_PARAMS,
  CONFLICT_POLICIES,
  LB_MODES,
  LB_PARAMS,
  LB_POLICIES,
  QUEUE_PARAMS,
  REPLICATION_MODES,
  SERVICE_PARAMS,
  SESSION_STRATEGIES,
  STEP_PARAMS,
  WORKER_PARAMS,
  ParamsOf,
} from './params';

export type { Lesson } from './lesson-types';
export type { NodeKind, NodeParamsByKind } from './kinds';
export { NODE_KINDS } from './kinds';
export { CONFLICT_POLICIES } from './params';

/** A probability distribution of a duration, in milliseconds (DESIGN.md §5 lists the forms). */
export type Distribution =
  | { readonly type: 'const'; readonly valueMs: number }
  | { readonly type: 'exp'; readonly meanMs: number }
  | { readonly type: 'uniform'; readonly minMs: number; readonly maxMs: number }
  | { readonly type: 'normal'; readonly meanMs: number; readonly sdMs: number }
  | { readonly type: 'lognormal'; readonly medianMs: number; readonly sigma: number }
  | { readonly type: 'pareto'; readonly scaleMs: number; readonly shape: number }
  | { readonly type: 'erlang'; readonly k: number; readonly meanMs: number };

/** `closed`: a fixed population of `users`, each sending, awaiting the answer and thinking (README "Closed-loop users"). */
export type ArrivalProcess = (typeof ARRIVALS)[number];

/**
 * The data keys requests name (README "Keyed caches"): uniform over `n` keys, or Zipf-skewed with exponent
 * `s` (key 0 the most requested). Every client with keys draws from the same key space 0..n-1.
 */
export type KeySpace =
  | { readonly type: 'uniform'; readonly n: number }
  | { readonly type: 'zipf'; readonly n: number; readonly s: number };

/**
 * Service time that grows with load (README "Load-dependent latency"): each service time is multiplied by
 * `1 + k·u` (linear), `1 + k·uⁿ` (poly) or `e^(k·u)` (exp), u = busy workers / workers as the work starts.
 */
export type LoadLatency =
  | { readonly type: 'linear'; readonly k: number }
  | { readonly type: 'poly'; readonly k: number; readonly n: number }
  | { readonly type: 'exp'; readonly k: number };

/** A limiter's bound: a token-bucket rate, or a number of requests in flight at once. */
export type LimitSpec =
  { readonly type: 'rate'; readonly perSec: number } | { readonly type: 'concurrency'; readonly max: number };

/** Order in which waiting work reaches a worker (README "Load shedding"). */
export type QueueOrder = (typeof QUEUE_ORDERS)[number];
/** Replacement policy of a keyed cache when it is full. */
export type EvictionPolicy = (typeof EVICTIONS)[number];
export type LbPolicy = (typeof LB_POLICIES)[number];
export type LbMode = (typeof LB_MODES)[number];
/** Where a service keeps its users' session state (DESIGN.md §3). */
export type SessionStrategy = (typeof SESSION_STRATEGIES)[number];
export type ReplicationMode = (typeof REPLICATION_MODES)[number];

/*
 * The parameters of each kind are inferred from the parameter table (src/model/params.ts), where each one
 * is declared once with its key, unit, range, default and help text. Optional ones were added after the
 * first format: absent means the default the table gives.
 */
/** Parameters of a traffic source. `timeoutMs` of Infinity means no client timeout. */
export type ClientParams = ParamsOf<typeof CLIENT_PARAMS>;
/** Parameters of a load balancer and its active health checks. */
export type LbParams = ParamsOf<typeof LB_PARAMS>;
/**
 * Parameters of anything that does work with a pool of workers: services, databases, caches, a message
 * queue's broker (and a DNS node, whose workers are not used). `queueCapacity` of Infinity means an
 * unbounded queue.
 */
export type WorkerParams = ParamsOf<typeof WORKER_PARAMS> & {
  /** A service's and a database's `load_latency` (the engine reads it off any worker pool). */
  readonly loadLatency?: LoadLatency;
};
/** A service: a worker pool, and optionally session state. */
export type ServiceParams = ParamsOf<typeof SERVICE_PARAMS>;
/** A database: a primary with workers, and optionally replicas. */
export type DatabaseParams = ParamsOf<typeof DATABASE_PARAMS>;
/** A message queue (broker): its workers accept messages; its downstream nodes consume them. */
export type QueueParams = ParamsOf<typeof QUEUE_PARAMS>;
/**
 * A cache (README "Keyed caches"): a worker pool in front of its downstream nodes. With keyed requests
 * (client `keys`), a hit answers from the cache and a miss calls downstream and fills the entry; `hit`
 * gives a probabilistic hit ratio instead. A cache with neither (a session store) does its work and calls
 * its downstream nodes, if any, every time.
 */
export type CacheParams = ParamsOf<typeof CACHE_PARAMS>;
/**
 * A rate limiter / throttle (README "Limiter"): forwards requests to its downstream node(s) in turn and
 * rejects at once what exceeds `limit`.
 */
export type LimiterParams = ParamsOf<typeof LIMITER_PARAMS>;
/** A DNS / global traffic manager: routes each client to a target, cached by the client for the TTL. */
export type DnsParams = ParamsOf<typeof DNS_PARAMS>;
/** An edge's parameters; `replication`, `lag` and `conflict` only on a link between multi-primary peers. */
export type EdgeParams = ParamsOf<typeof ALL_EDGE_PARAMS>;
/** How multi-primary peers settle two concurrent writes to one key (README "Active-active data"). */
export type ConflictPolicy = (typeof CONFLICT_POLICIES)[number];

/** How a node is drawn in Mermaid; kept so that export gives back the same diagram. */
export const NODE_SHAPES = [
  'rect',
  'round',
  'stadium',
  'subroutine',
  'cylinder',
  'circle',
  'rhombus',
  'hexagon',
  'odd',
  'parallelogram',
  'trapezoid',
  'doublecircle',
] as const;
export type NodeShape = (typeof NODE_SHAPES)[number];

/**
 * A label as written in Mermaid when it is more than its plain text: a markdown string (`"\`**bold**\``)
 * or text with `<br>` and formatting tags, entities as written. Export writes it back while the plain
 * `label` still reads the same, so the diagram draws the same (README.md, "Labels").
 */
export interface LabelMarkup {
  readonly text: string;
  /** A Mermaid markdown string (written between backticks). */
  readonly markdown?: boolean;
}

interface NodeBase<K extends NodeKind> {
  readonly id: string;
  readonly label: string;
  readonly kind: K;
  readonly params: NodeParamsByKind[K];
  /** Id of the group (Mermaid subgraph) that directly contains the node. */
  readonly group?: string;
  /** Whether the node is failed at t = 0 (a Mermaid class named `failed` or `down`). */
  readonly startsFailed?: boolean;
  readonly shape?: NodeShape;
  /**
   * The exact Mermaid shape when {@link shape} does not say it: a vertex type such as `inv_trapezoid` or
   * `lean_left`, or an `@{ shape: … }` name such as `docs` (absent: the shape's own brackets).
   */
  readonly mermaidShape?: string;
  /** The label as written in Mermaid, when richer than {@link label} (absent: the plain label). */
  readonly labelMarkup?: LabelMarkup;
  /** A Mermaid `style` line for the node: allowed `property:value` pairs joined by commas. */
  readonly style?: string;
  /** Mermaid classes applied to the node, in order. */
  readonly classes?: readonly string[];
  /** Running cost per hour, in the document's currency (absent: the kind's default, see defaults.ts). */
  readonly cost?: number;
  /** Canvas position of the node's top-left corner, relative to its group when it has one. */
  readonly position?: { readonly x: number; readonly y: number };
}

export type NodeSpec = { [K in NodeKind]: NodeBase<K> }[NodeKind];

export const EDGE_STROKES = ['normal', 'dotted', 'thick', 'invisible'] as const;
export type EdgeStroke = (typeof EDGE_STROKES)[number];

/** The end of a Mermaid link at its target: `-->` an arrowhead (the default), `---` none, `--o`, `--x`. */
export const EDGE_HEADS = ['arrow', 'none', 'circle', 'cross'] as const;
export type EdgeHead = (typeof EDGE_HEADS)[number];

/** Mermaid's link animations, as written after the link's id (`e1@{ animate: true }`, `animation: fast|slow`). */
export const EDGE_ANIMATIONS = ['on', 'fast', 'slow'] as const;
export type EdgeAnimation = (typeof EDGE_ANIMATIONS)[number];

export interface EdgeSpec {
  /** Stable id, `source-->target` (unique: one edge per ordered pair). */
  readonly id: string;
  readonly source: string;
  readonly target: string;
  readonly params: EdgeParams;
  readonly label?: string;
  readonly stroke?: EdgeStroke;
  /** How the link ends (absent: an arrowhead). Every head is a call from source to target. */
  readonly head?: EdgeHead;
  /**
   * Drawn with a head at both ends (`<-->`, `o--o`, `x--x`): the target also calls the source, over the
   * same parameters (README.md, "Links"). Between two databases it is a replication link between
   * multi-primary peers, not a call (README "Active-active data"). Absent: one way.
   */
  readonly bidirectional?: boolean;
  /** Mermaid link length: 1 for `-->`, 2 for `--->` and so on (absent: 1). */
  readonly length?: number;
  /** The label as written in Mermaid, when richer than {@link label}. */
  readonly labelMarkup?: LabelMarkup;
  /** Mermaid `linkStyle` of this link: allowed `property:value` pairs joined by commas. */
  readonly style?: string;
  /** The link's own Mermaid id (`A e1@--> B`), kept for export (absent: mermaid numbers it). */
  readonly mermaidId?: string;
  /** Mermaid link animation (`e1@{ animate: true }` is `on`, `e1@{ animation: slow }` is `slow`). */
  readonly animation?: EdgeAnimation;
  /**
   * The subgraphs a Mermaid link was drawn from and to when it named a subgraph (`A --> Backend`): the
   * import sends it to the subgraph's nodes, and export draws one link again while they all remain.
   */
  readonly drawnFrom?: string;
  readonly drawnTo?: string;
}

export interface GroupSpec {
  readonly id: string;
  readonly label: string;
  /** Enclosing group, for nested subgraphs. */
  readonly parent?: string;
  /** The title as written in Mermaid, when richer than {@link label}. */
  readonly labelMarkup?: LabelMarkup;
  /** A region: one-way latency added to every edge that enters or leaves it (absent: none). */
  readonly latency?: Distribution;
  /** Mermaid `style <id> …` of the subgraph (allow-listed declarations), kept for export. */
  readonly style?: string;
  /** Mermaid classes given to the subgraph (`class <id> name`), kept for export. */
  readonly classes?: readonly string[];
}

export const ALERT_METRICS = ['error_rate', 'p99', 'backlog'] as const;
export type AlertMetric = (typeof ALERT_METRICS)[number];

/**
 * An alert rule (DESIGN.md §3): fires when `metric` is above `threshold` for `forSec` seconds in a row,
 * resolves when it is not. Error rate is a share (0.01 = 1%), p99 in ms, backlog in messages. `target`
 * names a node (for backlog: a queue); absent means the whole system as the clients see it.
 */
export interface AlertRule {
  readonly id: string;
  readonly metric: AlertMetric;
  readonly threshold: number;
  readonly forSec: number;
  readonly target?: string;
}

/**
 * Scenario actions (DESIGN.md §2). `fail` crashes a node (or every node of a group), or hangs it with
 * `mode: 'hang'`; `degrade` slows a node or makes it answer errors, or adds latency or loss to an edge;
 * `partition` cuts an edge, or every edge crossing a group's boundary; `load` changes a client's rate;
 * `flush` empties a cache; `recover` undoes every fault on its target.
 */
export const SCENARIO_ACTIONS = ['fail', 'recover', 'degrade', 'partition', 'load', 'flush'] as const;

/** A scenario action; what each takes and applies to is in the fault catalogue (src/model/faults.ts). */
export type ScenarioAction = (typeof SCENARIO_ACTIONS)[number];

export type FailureMode = (typeof FAILURE_MODES)[number];

/**
 * One step of the fault timeline: `%% @at 60s fail S1`. The target is a node, group or edge (`A-->B`)
 * id; the strengths (`mode`, `factor`, `errorRate`, `workersShare`, `addedLatencyMs`, `loss`,
 * `ratePerSec`) are the step parameters of src/model/params.ts (`STEP_PARAMS`).
 */
export interface ScenarioStep extends ParamsOf<typeof STEP_PARAMS> {
  readonly atSec: number;
  readonly action: ScenarioAction;
  readonly target: string;
  /** A trainer's caption, shown in presenter mode when the step fires (absent: none). */
  readonly caption?: string;
}

export interface SimSettings {
  readonly seed: number;
  readonly durationSec: number;
  readonly warmupSec: number;
}

export interface ClassDef {
  readonly name: string;
  /** The style list as written after the class name, e.g. `fill:#f9f,stroke:#333,stroke-width:2px`. */
  readonly style: string;
}

export const DIRECTIONS = ['LR', 'RL', 'TB', 'BT'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export interface ArchDocument {
  readonly name: string;
  readonly direction: Direction;
  readonly nodes: readonly NodeSpec[];
  readonly edges: readonly EdgeSpec[];
  readonly groups: readonly GroupSpec[];
  readonly scenario: readonly ScenarioStep[];
  readonly sim: SimSettings;
  /** Alert rules evaluated every simulated second (absent: none). */
  readonly alerts?: readonly AlertRule[];
  /** Mermaid `classDef` lines by class name, for export (a style allow-list is applied on import). */
  readonly classDefs?: readonly ClassDef[];
  /** Mermaid `linkStyle default …`: the style of every link without its own (allowed pairs only). */
  readonly linkStyleDefault?: string;
  /** Mermaid `accTitle` and `accDescr`: the diagram's title and description for screen readers. */
  readonly accessibility?: { readonly title?: string; readonly description?: string };
  /** A lesson's script: steps, conditions and a question (absent: a plain document). */
  readonly lesson?: Lesson;
  /** Promises the design must keep, checked live and by `archplay test` (absent: none). */
  readonly expectations?: readonly Expectation[];
}

/** The canonical edge id for an ordered pair of nodes. */
export function edgeIdOf(source: string, target: string): string {
  return `${source}-->${target}`;
}
