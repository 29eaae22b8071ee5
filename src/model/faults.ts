import { KINDS, NODE_KINDS, type NodeKind } from './kinds';
import { readValue } from './param-values';
import { STEP_PARAMS } from './params';
import type { ArchDocument, NodeSpec, ScenarioAction, ScenarioStep } from './types';

/**
 * The fault catalogue (docs/REGISTRY.md "Add a fault"): what each scenario action takes and applies to
 * (`ACTIONS`, read by the document check and the annotation reader), and the faults a person injects
 * (`FAULTS`: label, hint, strength with its default), which the Inspector, the canvas's context menu and
 * the scenario timeline all list. Both are declared once here; the UI only lays them out.
 */

/** A step parameter: a property of `STEP_PARAMS` (src/model/params.ts). */
export type StepParam = keyof typeof STEP_PARAMS;

/** The step parameters that hold a number: a fault's strength is one of these. */
export type StrengthParam = Exclude<StepParam, 'mode'>;

/** What a fault can target: a node (with its spec: a client's rate sets its load presets), an edge or a group. */
export type FaultTarget =
  | { readonly type: 'node'; readonly node: NodeSpec }
  | { readonly type: 'edge'; readonly id: string }
  | { readonly type: 'group'; readonly id: string };

/** The targets an action or a fault applies to: nodes of these kinds, edges (`A-->B`), groups. */
export interface TargetSet {
  readonly nodeKinds: readonly NodeKind[];
  readonly edges: boolean;
  readonly groups: boolean;
}

/** What one scenario action takes and where it applies (DESIGN.md §2). */
export interface ActionSpec {
  /** The step parameters it reads, in the order the annotation reader lists them. */
  readonly params: readonly StepParam[];
  readonly targets: TargetSet;
  /** The document check's message for a target outside {@link targets}. */
  readonly wrongTarget: string;
}

const everyKind = NODE_KINDS;
/** Traffic sources: the kinds whose rate a `load` step changes. */
const sourceKinds = NODE_KINDS.filter((k) => KINDS[k].engine === 'client');
/**
 * Kinds that do work of their own with a pool of workers (the engine's `worker` behaviour): the only
 * ones a slow factor, an error rate or a `workers=` degradation changes. A DNS node answers from its
 * routing alone; clients, load balancers and limiters do no work.
 */
export const SERVING_KINDS: readonly NodeKind[] = NODE_KINDS.filter((k) => KINDS[k].engine === 'worker');
const workerKinds = SERVING_KINDS;
const cacheKinds: readonly NodeKind[] = ['cache'];

const anything: TargetSet = { nodeKinds: everyKind, edges: true, groups: true };

/** Every scenario action, with its parameters and targets: a mapped type, so a new action must be here. */
export const ACTIONS: { readonly [A in ScenarioAction]: ActionSpec } = {
  fail: { params: ['mode'], targets: anything, wrongTarget: '' },
  recover: { params: [], targets: anything, wrongTarget: '' },
  degrade: {
    params: ['factor', 'errorRate', 'addedLatencyMs', 'loss', 'workersShare'],
    targets: anything,
    wrongTarget: '',
  },
  partition: {
    params: [],
    targets: { nodeKinds: [], edges: true, groups: true },
    wrongTarget: 'partition cuts an edge (A-->B) or a group, not a node',
  },
  load: {
    params: ['ratePerSec'],
    targets: { nodeKinds: sourceKinds, edges: false, groups: false },
    wrongTarget: 'load changes the rate of a client',
  },
  flush: {
    params: [],
    targets: { nodeKinds: cacheKinds, edges: false, groups: false },
    wrongTarget: 'flush empties a cache: its target must be a cache node',
  },
};

/** Whether a target is one of the set's. */
export function targetIn(set: TargetSet, target: FaultTarget): boolean {
  switch (target.type) {
    case 'node':
      return set.nodeKinds.includes(target.node.kind);
    case 'edge':
      return set.edges;
    case 'group':
      return set.groups;
    default: {
      const unknown: never = target;
      return unknown;
    }
  }
}

/** How a fault's strength is typed: a multiplier, a percentage, milliseconds, or a rate per second. */
export type StrengthUnit = '×' | '%' | 'ms' | '/s';

/**
 * A fault's strength: the step parameter it sets, typed in `unit` (a percentage is the share ×100) and
 * read with that parameter's own value type, so its range is the document check's.
 */
export interface FaultStrength {
  readonly param: StrengthParam;
  readonly unit: StrengthUnit;
  /** The values offered first, in `unit`: the value field's initial text, one context-menu item each. */
  readonly presets: (target: FaultTarget) => readonly number[];
}

/** A fault's colour in the interface: breaks things, weakens them, or heals them. */
export type FaultTone = 'danger' | 'warn' | 'good';

/** One fault a person injects from the Inspector, the context menu or the timeline. */
export interface FaultSpec {
  /** Stable id (the timeline's option value). */
  readonly id: string;
  readonly action: ScenarioAction;
  /** Button and option text: "Slow", "Zone outage". */
  readonly label: string;
  /** What it does, in one sentence (tooltip and menu hint). */
  readonly hint: string;
  readonly tone: FaultTone;
  /** Where it is offered: within its action's targets (test/faults.test.ts checks). */
  readonly targets: TargetSet;
  /** Step fields it always sets (a hang is `fail` with `mode: 'hang'`). */
  readonly fixed?: Partial<Pick<ScenarioStep, StepParam>>;
  readonly strength?: FaultStrength;
}

const nodesOf = (kinds: readonly NodeKind[]): TargetSet => ({
  nodeKinds: kinds,
  edges: false,
  groups: false,
});
const EDGES: TargetSet = { nodeKinds: [], edges: true, groups: false };
const GROUPS: TargetSet = { nodeKinds: [], edges: false, groups: true };
const fixedPreset = (value: number) => () => [value];

/** A client's rate: twice and half its own (a load spike and a drop); none for other targets. */
function loadPresets(target: FaultTarget): readonly number[] {
  if (target.type !== 'node' || !('ratePerSec' in target.node.params)) return [];
  const rate = target.node.params.ratePerSec;
  return [rate * 2, rate / 2];
}

/** The faults, in the order every list shows them. */
export const FAULTS: readonly FaultSpec[] = [
  {
    id: 'fail',
    action: 'fail',
    label: 'Fail (crash)',
    hint: 'Crash: connections refused at once',
    tone: 'danger',
    targets: nodesOf(everyKind),
  },
  {
    id: 'outage',
    action: 'fail',
    label: 'Zone outage',
    hint: 'Every node of the group fails',
    tone: 'danger',
    targets: GROUPS,
  },
  {
    id: 'hang',
    action: 'fail',
    label: 'Hang',
    hint: 'Accepts requests and never answers: callers time out',
    tone: 'danger',
    targets: nodesOf(everyKind),
    fixed: { mode: 'hang' },
  },
  {
    id: 'slow',
    action: 'degrade',
    label: 'Slow',
    hint: 'Multiplies its service time',
    tone: 'warn',
    targets: nodesOf(SERVING_KINDS),
    strength: { param: 'factor', unit: '×', presets: fixedPreset(5) },
  },
  {
    id: 'errors',
    action: 'degrade',
    label: 'Errors',
    hint: 'Answers this share of requests with a server error',
    tone: 'warn',
    targets: nodesOf(SERVING_KINDS),
    strength: { param: 'errorRate', unit: '%', presets: fixedPreset(10) },
  },
  {
    id: 'flush',
    action: 'flush',
    label: 'Flush',
    hint: 'Empties the cache: every key misses until a successful answer refills it',
    tone: 'warn',
    targets: nodesOf(cacheKinds),
  },
  {
    id: 'capacity',
    action: 'degrade',
    label: 'Capacity',
    hint: 'Leaves it this share of its workers (a CPU or pool reduction)',
    tone: 'warn',
    targets: nodesOf(workerKinds),
    strength: { param: 'workersShare', unit: '%', presets: fixedPreset(50) },
  },
  {
    id: 'load',
    action: 'load',
    label: 'Change load',
    hint: 'Changes the request rate from now on',
    tone: 'warn',
    targets: nodesOf(sourceKinds),
    strength: { param: 'ratePerSec', unit: '/s', presets: loadPresets },
  },
  {
    id: 'partition',
    action: 'partition',
    label: 'Partition',
    hint: 'Cuts the link: requests sent over it are dropped',
    tone: 'danger',
    targets: EDGES,
  },
  {
    id: 'isolate',
    action: 'partition',
    label: 'Partition',
    hint: "Cuts every link crossing the group's boundary",
    tone: 'danger',
    targets: GROUPS,
  },
  {
    id: 'latency',
    action: 'degrade',
    label: 'Add latency',
    hint: 'Added to each one-way trip over the link',
    tone: 'warn',
    targets: EDGES,
    strength: { param: 'addedLatencyMs', unit: 'ms', presets: fixedPreset(100) },
  },
  {
    id: 'loss',
    action: 'degrade',
    label: 'Loss',
    hint: 'Share of requests lost on the link',
    tone: 'warn',
    targets: EDGES,
    strength: { param: 'loss', unit: '%', presets: fixedPreset(10) },
  },
  {
    id: 'recover',
    action: 'recover',
    label: 'Recover',
    hint: 'Undoes every fault on it (a cut link heals)',
    tone: 'good',
    targets: anything,
  },
];

/** The faults offered on a target, in catalogue order. */
export const faultsFor = (target: FaultTarget): readonly FaultSpec[] =>
  FAULTS.filter((fault) => targetIn(fault.targets, target));

/** The fault target named by an id of the document (node, edge or group), or null. */
export function faultTargetOf(doc: ArchDocument, id: string): FaultTarget | null {
  const node = doc.nodes.find((n) => n.id === id);
  if (node) return { type: 'node', node };
  if (doc.edges.some((e) => e.id === id)) return { type: 'edge', id };
  if (doc.groups.some((g) => g.id === id)) return { type: 'group', id };
  return null;
}

/** A bare number, which a strength field reads in the strength's own unit. */
const BARE_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

/**
 * The strength typed in a field (`5`, `10` for 10%, `100` for 100 ms; a value with its own unit is
 * read as written), checked against the step parameter's range; or what is wrong with it.
 */
export function readStrength(
  strength: FaultStrength,
  text: string,
): { readonly value: number } | { readonly error: string } {
  const param = STEP_PARAMS[strength.param];
  const trimmed = text.trim();
  if (trimmed === '') return { error: `${param.key}: enter a number` };
  const written = BARE_NUMBER.test(trimmed) && strength.unit !== '×' ? `${trimmed}${strength.unit}` : trimmed;
  const parsed = readValue<number>(param.type, written);
  return parsed.ok ? { value: parsed.value } : { error: `${param.key}: ${parsed.error}` };
}

/** A strength typed in its unit as the step parameter's value (a percentage becomes a share). */
export const strengthValue = (unit: StrengthUnit, typed: number): number =>
  unit === '%' ? typed / 100 : typed;

/** A strength preset as text in its unit: `×5`, `10%`, `100 ms`, `800/s`. */
export function strengthText(unit: StrengthUnit, value: number): string {
  switch (unit) {
    case '×':
      return `×${value}`;
    case '%':
      return `${value}%`;
    case 'ms':
      return `${value} ms`;
    case '/s':
      return `${value}/s`;
    default: {
      const unknown: never = unit;
      return unknown;
    }
  }
}

/** The step fields a fault sets (besides time and target), with its strength's value when it has one. */
export function faultStep(fault: FaultSpec, value?: number): Omit<ScenarioStep, 'atSec' | 'target'> {
  const strength = fault.strength && value !== undefined ? { [fault.strength.param]: value } : {};
  return { action: fault.action, ...fault.fixed, ...strength };
}
