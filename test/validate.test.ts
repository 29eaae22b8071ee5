import { describe, expect, it } from 'vitest';
import { ACTIVE_ACTIVE } from '../src/model/presets';
import type { ArchDocument, NodeSpec } from '../src/model/types';
import { validateDocument } from '../src/model/validate';

const doc = ACTIVE_ACTIVE.document;
const withNode = (id: string, change: (node: NodeSpec) => NodeSpec): ArchDocument => ({
  ...doc,
  nodes: doc.nodes.map((node) => (node.id === id ? change(node) : node)),
});

describe('document validation', () => {
  it('accepts the presets', () => {
    expect(validateDocument(doc)).toEqual([]);
  });

  it.each([
    [
      'zero workers',
      withNode('Server1', (n) => ({ ...n, params: { ...n.params, workers: 0 } }) as NodeSpec),
      'nodes.Server1.params.workers',
    ],
    [
      'NaN rate',
      withNode('Client', (n) => ({ ...n, params: { ...n.params, ratePerSec: NaN } }) as NodeSpec),
      'nodes.Client.params.rate',
    ],
    [
      'an absurd rate',
      withNode('Client', (n) => ({ ...n, params: { ...n.params, ratePerSec: 1e12 } }) as NodeSpec),
      'nodes.Client.params.rate',
    ],
    [
      'negative retries',
      withNode('Client', (n) => ({ ...n, params: { ...n.params, retries: -1 } }) as NodeSpec),
      'nodes.Client.params.retries',
    ],
    [
      'a write share above 1',
      withNode('Client', (n) => ({ ...n, params: { ...n.params, writes: 1.5 } }) as NodeSpec),
      'nodes.Client.params.writes',
    ],
    [
      'an infinite health-check interval',
      withNode(
        'LoadBalancer',
        (n) => ({ ...n, params: { ...n.params, hcIntervalMs: Infinity } }) as NodeSpec,
      ),
      'nodes.LoadBalancer.params.hc_interval',
    ],
    [
      'a negative service mean',
      withNode(
        'DB',
        (n) => ({ ...n, params: { ...n.params, service: { type: 'exp', meanMs: -2 } } }) as NodeSpec,
      ),
      'nodes.DB.params.service',
    ],
    [
      'a Pareto without a mean',
      withNode(
        'DB',
        (n) =>
          ({
            ...n,
            params: { ...n.params, service: { type: 'pareto', scaleMs: 1, shape: 0.5 } },
          }) as NodeSpec,
      ),
      'nodes.DB.params.service',
    ],
    [
      'a loss above 100%',
      { ...doc, edges: doc.edges.map((e, i) => (i === 0 ? { ...e, params: { ...e.params, loss: 2 } } : e)) },
      'edges.Client-->LoadBalancer.params.loss',
    ],
    [
      'a step at an unknown target',
      { ...doc, scenario: [{ atSec: 1, action: 'fail' as const, target: 'Nope' }] },
      'scenario.0.target',
    ],
    [
      'a load step on a server',
      { ...doc, scenario: [{ atSec: 1, action: 'load' as const, target: 'Server1', ratePerSec: 5 }] },
      'scenario.0.target',
    ],
    [
      'a degrade step with nothing to degrade',
      { ...doc, scenario: [{ atSec: 1, action: 'degrade' as const, target: 'Server1' }] },
      'scenario.0.action',
    ],
    [
      'a partition of a node',
      { ...doc, scenario: [{ atSec: 1, action: 'partition' as const, target: 'Server1' }] },
      'scenario.0.target',
    ],
    [
      'an alert on an unknown node',
      { ...doc, alerts: [{ id: 'a', metric: 'p99' as const, threshold: 5, forSec: 3, target: 'X' }] },
      'alerts.0.target',
    ],
    ['a negative seed', { ...doc, sim: { ...doc.sim, seed: -1 } }, 'sim.seed'],
  ])('refuses %s, naming the field', (_, bad, path) => {
    const issues = validateDocument(bad);
    expect(issues.map((i) => i.path)).toContain(path);
    for (const issue of issues) expect(issue.message.length).toBeGreaterThan(5);
  });
});
