import type { ScenarioStep } from '../../model/types';

/** What a target is, for the actions it offers. */
export type TargetType = 'client' | 'node' | 'cache' | 'edge' | 'group';

/** An action of the "Add step" form: how it is named, what it targets, and how its value becomes a step. */
export interface StepKind {
  readonly id: string;
  readonly label: string;
  readonly targets: readonly TargetType[];
  /** The value's unit, when the action takes one. */
  readonly unit?: string;
  readonly defaultValue?: string;
  /** The step's fields besides time and target, from the value typed (a number when `unit` is set). */
  build(value: number): Omit<ScenarioStep, 'atSec' | 'target'>;
}

const NODES: readonly TargetType[] = ['client', 'node', 'cache'];

/** The actions a step can take, each for the targets it applies to (DESIGN.md §2). */
export const STEP_KINDS: readonly StepKind[] = [
  { id: 'fail', label: 'Fail (crash)', targets: [...NODES, 'edge'], build: () => ({ action: 'fail' }) },
  { id: 'outage', label: 'Zone outage', targets: ['group'], build: () => ({ action: 'fail' }) },
  { id: 'hang', label: 'Hang', targets: NODES, build: () => ({ action: 'fail', mode: 'hang' }) },
  {
    id: 'slow',
    label: 'Slow ×',
    targets: NODES,
    unit: '×',
    defaultValue: '5',
    build: (factor) => ({ action: 'degrade', factor }),
  },
  {
    id: 'errors',
    label: 'Errors %',
    targets: NODES,
    unit: '%',
    defaultValue: '10',
    build: (p) => ({ action: 'degrade', errorRate: p / 100 }),
  },
  {
    id: 'latency',
    label: 'Add latency',
    targets: ['edge'],
    unit: 'ms',
    defaultValue: '100',
    build: (ms) => ({ action: 'degrade', addedLatencyMs: ms }),
  },
  {
    id: 'loss',
    label: 'Loss %',
    targets: ['edge'],
    unit: '%',
    defaultValue: '10',
    build: (p) => ({ action: 'degrade', loss: p / 100 }),
  },
  {
    id: 'capacity',
    label: 'Capacity %',
    targets: ['node', 'cache'],
    unit: '%',
    defaultValue: '50',
    build: (p) => ({ action: 'degrade', workersShare: p / 100 }),
  },
  { id: 'flush', label: 'Flush', targets: ['cache'], build: () => ({ action: 'flush' }) },
  { id: 'partition', label: 'Partition', targets: ['edge', 'group'], build: () => ({ action: 'partition' }) },
  {
    id: 'load',
    label: 'Change load',
    targets: ['client'],
    unit: '/s',
    defaultValue: '800',
    build: (ratePerSec) => ({ action: 'load', ratePerSec }),
  },
  {
    id: 'recover',
    label: 'Recover',
    targets: ['client', 'node', 'cache', 'edge', 'group'],
    build: () => ({ action: 'recover' }),
  },
];
