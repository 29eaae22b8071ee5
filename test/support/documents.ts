import { DEFAULT_EDGE } from '../../src/model/defaults';
import type { ArchDocument, Distribution } from '../../src/model/types';

/** A client feeding one service directly: the M/M/c (or M/G/c) test bench. */
export function clientToService(options: {
  ratePerSec: number;
  workers: number;
  service: Distribution;
  durationSec: number;
  seed: number;
}): ArchDocument {
  return {
    name: 'Client → Service',
    direction: 'LR',
    nodes: [
      { id: 'Client', label: 'Client', kind: 'client', params: { ratePerSec: options.ratePerSec, arrival: 'poisson', timeoutMs: Infinity, retries: 0 } },
      { id: 'Service', label: 'Service', kind: 'service', params: { workers: options.workers, service: options.service, queueCapacity: Infinity } },
    ],
    edges: [{ id: 'Client-->Service', source: 'Client', target: 'Service', params: DEFAULT_EDGE }],
    groups: [],
    scenario: [],
    sim: { seed: options.seed, durationSec: options.durationSec, warmupSec: 0 },
  };
}
