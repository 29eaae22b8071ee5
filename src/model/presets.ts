import {
  DEFAULT_CLIENT,
  DEFAULT_DATABASE,
  DEFAULT_EDGE,
  DEFAULT_LB,
  DEFAULT_SERVICE,
  DEFAULT_SIM,
} from './defaults';
import { edgeIdOf, type ArchDocument, type EdgeSpec } from './types';

/** A ready-made document with a one-sentence lesson: what to try and what to watch. */
export interface Preset {
  readonly id: string;
  readonly title: string;
  readonly lesson: string;
  readonly document: ArchDocument;
}

/**
 * Six workers per server: 400 req/s keeps each at about 40% utilization, and the survivor of a failure
 * at about 80%, where queueing visibly raises its latency without overloading it.
 */
const SEED_SERVER = { ...DEFAULT_SERVICE, workers: 6 };

const edge = (source: string, target: string): EdgeSpec => ({
  id: edgeIdOf(source, target),
  source,
  target,
  params: DEFAULT_EDGE,
});

/** The seed article's diagram: Client → Load Balancer → Server 1 / Server 2 → Database. */
export const ACTIVE_ACTIVE: Preset = {
  id: 'active-active',
  title: 'Active-Active behind a load balancer',
  lesson:
    'Press Play, select Server 1 and press Fail: watch errors until the health checks notice, then Server 2 carry all the traffic at higher latency.',
  document: {
    name: 'Active-Active behind a load balancer',
    direction: 'LR',
    nodes: [
      { id: 'Client', label: 'Client', kind: 'client', params: DEFAULT_CLIENT },
      { id: 'LoadBalancer', label: 'Load Balancer', kind: 'lb', params: DEFAULT_LB },
      {
        id: 'Server1',
        label: 'Server 1',
        kind: 'service',
        params: SEED_SERVER,
        group: 'Servers',
        classes: ['active'],
      },
      {
        id: 'Server2',
        label: 'Server 2',
        kind: 'service',
        params: SEED_SERVER,
        group: 'Servers',
        classes: ['active'],
      },
      { id: 'DB', label: 'Database', kind: 'database', params: DEFAULT_DATABASE, shape: 'cylinder' },
    ],
    edges: [
      edge('Client', 'LoadBalancer'),
      edge('LoadBalancer', 'Server1'),
      edge('LoadBalancer', 'Server2'),
      edge('Server1', 'DB'),
      edge('Server2', 'DB'),
    ],
    groups: [{ id: 'Servers', label: 'Active-active pool' }],
    scenario: [],
    sim: DEFAULT_SIM,
    classDefs: [
      { name: 'failed', style: 'fill:#f9f,stroke:#333,stroke-width:2px' },
      { name: 'active', style: 'fill:#ccf,stroke:#333,stroke-width:2px' },
    ],
  },
};

export const PRESETS: readonly Preset[] = [ACTIVE_ACTIVE];
