import { describe, expect, it } from 'vitest';
import { parseMermaid, toMermaid } from '../src/mermaid';
import {
  ACTIONS,
  FAULTS,
  faultStep,
  faultsFor,
  faultTargetOf,
  readStrength,
  strengthValue,
  type FaultSpec,
  type FaultTarget,
} from '../src/model/faults';
import { NODE_KINDS, type NodeKind } from '../src/model/kinds';
import { STEP_PARAMS } from '../src/model/params';
import { SCENARIO_ACTIONS, type ArchDocument, type NodeSpec } from '../src/model/types';
import { validateDocument } from '../src/model/validate';
import { faultMenuItemsOf } from '../src/ui/context-menu/fault-actions';
import { docWith as kindDocument } from './support/kind-documents';
import { runAll } from './support/run';

/**
 * The fault catalogue (src/model/faults.ts) is the one list of faults the Inspector, the context menu and
 * the timeline show. These tests walk every fault on every target it is offered on: each must make a step
 * the document check accepts, that survives Mermaid, and that the engine carries out.
 */

/** A client sending to a node of `kind` in a group "Zone", with a service behind it (a short run). */
function docWith(kind: NodeKind): ArchDocument {
  const doc = kindDocument(kind);
  const inZone = doc.nodes[1]?.id;
  return {
    ...doc,
    groups: [{ id: 'Zone', label: 'Zone' }],
    nodes: doc.nodes.map((n) => (n.id === inZone ? { ...n, group: 'Zone' } : n)),
    sim: { ...doc.sim, durationSec: 12 },
  };
}

/** Every target of a document with its id: the nodes, the edges and the group. */
function targetsOf(doc: ArchDocument): { id: string; target: FaultTarget }[] {
  const ids = [...doc.nodes.map((n) => n.id), ...doc.edges.map((e) => e.id), ...doc.groups.map((g) => g.id)];
  return ids.map((id) => ({ id, target: faultTargetOf(doc, id) as FaultTarget }));
}

/** The steps a fault makes on a target: one per strength preset, or one without a strength. */
function stepsOf(fault: FaultSpec, target: FaultTarget) {
  if (!fault.strength) return [faultStep(fault)];
  const { unit } = fault.strength;
  return fault.strength.presets(target).map((preset) => faultStep(fault, strengthValue(unit, preset)));
}

describe('the fault catalogue', () => {
  it('declares every scenario action, and offers a fault for each', () => {
    expect(Object.keys(ACTIONS).sort()).toEqual([...SCENARIO_ACTIONS].sort());
    for (const action of SCENARIO_ACTIONS) expect(FAULTS.some((f) => f.action === action)).toBe(true);
  });

  it('gives every step parameter to an action, and each fault only parameters its action takes', () => {
    const taken = Object.values(ACTIONS).flatMap((spec) => spec.params);
    expect([...taken].sort()).toEqual(Object.keys(STEP_PARAMS).sort());
    for (const fault of FAULTS) {
      const params = ACTIONS[fault.action].params;
      for (const key of Object.keys(fault.fixed ?? {})) expect(params).toContain(key);
      if (fault.strength) expect(params).toContain(fault.strength.param);
    }
  });

  it('offers a fault only where its action applies, under ids and names that do not repeat', () => {
    expect(new Set(FAULTS.map((f) => f.id)).size).toBe(FAULTS.length);
    for (const fault of FAULTS) {
      const { targets } = ACTIONS[fault.action];
      for (const kind of fault.targets.nodeKinds) expect(targets.nodeKinds).toContain(kind);
      if (fault.targets.edges) expect(targets.edges).toBe(true);
      if (fault.targets.groups) expect(targets.groups).toBe(true);
    }
    for (const { target } of targetsOf(docWith('cache'))) {
      const labels = faultsFor(target).map((f) => f.label);
      expect(new Set(labels).size).toBe(labels.length);
    }
  });

  it('offers the faults each kind can take: capacity where there are workers, load on clients, flush on caches', () => {
    const offered = (kind: NodeKind) => {
      const doc = docWith(kind);
      const node = kind === 'client' ? doc.nodes[0] : doc.nodes[1];
      return faultsFor({ type: 'node', node: node as NodeSpec }).map((f) => f.id);
    };
    expect(offered('service')).toEqual(['fail', 'hang', 'slow', 'errors', 'capacity', 'recover']);
    expect(offered('cache')).toEqual(['fail', 'hang', 'slow', 'errors', 'flush', 'capacity', 'recover']);
    // Slow and Errors change a node's own work: a load balancer, a limiter and a client do none.
    expect(offered('lb')).toEqual(['fail', 'hang', 'recover']);
    expect(offered('limiter')).toEqual(['fail', 'hang', 'recover']);
    expect(offered('client')).toEqual(['fail', 'hang', 'load', 'recover']);
  });

  describe.each(NODE_KINDS)('next to a %s', (kind) => {
    const doc = docWith(kind);
    const cases = targetsOf(doc).flatMap(({ id, target }) =>
      faultsFor(target).flatMap((fault) => stepsOf(fault, target).map((step) => ({ id, fault, step }))),
    );

    it('every offered fault makes a step the document check accepts and Mermaid keeps', async () => {
      expect(cases.length).toBeGreaterThan(10);
      const scenario = cases.map(({ id, step }, i) => ({ atSec: 1 + i / 10, target: id, ...step }));
      const withSteps = { ...doc, scenario };
      expect(validateDocument(withSteps)).toEqual([]);
      const parsed = await parseMermaid(toMermaid(withSteps));
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
      expect(parsed.document.scenario).toEqual(scenario);
    });

    it('the engine carries out each fault (its event is noted at the step time)', () => {
      for (const { id, fault, step } of cases) {
        const { events } = runAll({
          ...doc,
          sim: { ...doc.sim, durationSec: 3 },
          scenario: [{ atSec: 1, target: id, ...step }],
        });
        const noted = fault.fixed?.mode === 'hang' ? 'hang' : fault.action;
        expect(
          events.filter((e) => e.type === noted && e.target === id).map((e) => e.t),
          `${fault.id} ${id}`,
        ).toEqual([1]);
      }
    });
  });
});

describe('a fault strength typed in a field', () => {
  const byId = (id: string) => FAULTS.find((f) => f.id === id)?.strength;
  const read = (id: string, text: string) => {
    const strength = byId(id);
    if (!strength) throw new Error(`${id} has no strength`);
    return readStrength(strength, text);
  };

  it('is read in its unit, or as written when it names its own', () => {
    expect(read('errors', '10')).toEqual({ value: 0.1 });
    expect(read('errors', '2.5%')).toEqual({ value: 0.025 });
    expect(read('capacity', '50')).toEqual({ value: 0.5 });
    expect(read('latency', '100')).toEqual({ value: 100 });
    expect(read('latency', '1.5s')).toEqual({ value: 1500 });
    expect(read('load', '800')).toEqual({ value: 800 });
    expect(read('load', '600/m')).toEqual({ value: 10 });
    expect(read('slow', '0.5')).toEqual({ value: 0.5 });
  });

  it('is refused outside the range the document check allows, with the annotation key named', () => {
    expect(read('errors', '150')).toEqual({ error: expect.stringMatching(/^errors: .*between 0 and 1/) });
    expect(read('capacity', '0')).toEqual({ error: expect.stringMatching(/^workers: /) });
    expect(read('slow', '0')).toEqual({ error: expect.stringMatching(/^factor: .*above 0/) });
    expect(read('latency', 'inf')).toEqual({ error: 'latency: must be finite' });
    expect(read('load', '2000000')).toEqual({ error: expect.stringMatching(/^rate: at most/) });
    expect(read('loss', '')).toEqual({ error: 'loss: enter a number' });
    expect(read('slow', 'fast')).toEqual({ error: expect.stringMatching(/^factor: /) });
  });
});

describe('the context menu', () => {
  it('lists each fault once per preset: a client gets twice and half its rate', () => {
    const doc = docWith('service');
    const client = faultTargetOf(doc, 'Users') as FaultTarget;
    const items = faultMenuItemsOf(client);
    expect(items.map((i) => i.label)).toEqual([
      'Fail (crash)',
      'Hang',
      'Change load 100/s',
      'Change load 25/s',
      'Recover',
    ]);
    expect(items[2]?.step).toEqual({ action: 'load', ratePerSec: 100 });
    expect(items[3]?.step).toEqual({ action: 'load', ratePerSec: 25 });
    const server = faultMenuItemsOf(faultTargetOf(doc, doc.nodes[1]?.id ?? '') as FaultTarget);
    expect(server.find((i) => i.label === 'Errors 10%')?.step).toEqual({ action: 'degrade', errorRate: 0.1 });
  });

  it('offers an edge its link faults, ending with Recover', () => {
    const doc = docWith('service');
    const items = faultMenuItemsOf(faultTargetOf(doc, doc.edges[0]?.id ?? '') as FaultTarget);
    expect(items.map((i) => i.label)).toEqual(['Partition', 'Add latency 100 ms', 'Loss 10%', 'Recover']);
  });
});
