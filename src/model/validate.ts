import { validateExpectations } from './validate-expectations';
import { KINDS } from './kinds';
import { distributionProblem, type ValueType } from './param-values';
import { ACTIONS, faultTargetOf, SERVING_KINDS, targetIn, type FaultTarget } from './faults';
import { checkParams, EDGE_PARAMS, LIMITS, STEP_PARAMS } from './params';
import { validatePeers } from './validate-peers';
import { validateCaptions, validateLesson } from './validate-lesson';
import type { ArchDocument, Distribution, NodeSpec, ScenarioStep } from './types';

/** A problem in a document, with the path of the offending field (e.g. `nodes.Server1.params.workers`). */
export interface ValidationIssue {
  readonly path: string;
  readonly message: string;
}

type Report = (field: string, message: string) => void;

export { LIMITS } from './params';

/**
 * Checks a document before it reaches the engine: ids unique and referenced ids present, every number
 * finite and in range, each scenario step complete for its action. The engine trusts documents that pass.
 */
export function validateDocument(doc: ArchDocument): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const report = (path: string, message: string) => issues.push({ path, message });
  const nodeIds = new Set<string>();
  const groupIds = new Set(doc.groups.map((g) => g.id));

  for (const node of doc.nodes) {
    if (nodeIds.has(node.id)) report(`nodes.${node.id}`, `node id "${node.id}" is used twice`);
    nodeIds.add(node.id);
    if (node.group !== undefined && !groupIds.has(node.group)) {
      report(`nodes.${node.id}.group`, `group "${node.group}" does not exist`);
    }
    validateParams(node, (field, message) => report(`nodes.${node.id}.params.${field}`, message));
    if (node.cost !== undefined && !(Number.isFinite(node.cost) && node.cost >= 0))
      report(`nodes.${node.id}.cost`, 'cost must be a finite number ≥ 0 per hour');
  }
  const edgeIds = new Set<string>();
  for (const edge of doc.edges) {
    const at = (field: string, message: string) => report(`edges.${edge.id}.${field}`, message);
    if (edgeIds.has(edge.id)) report(`edges.${edge.id}`, `edge ${edge.id} is declared twice`);
    edgeIds.add(edge.id);
    if (!nodeIds.has(edge.source)) at('source', `node "${edge.source}" does not exist`);
    if (!nodeIds.has(edge.target)) at('target', `node "${edge.target}" does not exist`);
    checkParams(EDGE_PARAMS, edge.params, (key, message) => at(`params.${key}`, message));
  }
  validatePeers(doc, report);
  for (const group of doc.groups) {
    if (group.parent !== undefined && !groupIds.has(group.parent)) {
      report(`groups.${group.id}.parent`, `group "${group.parent}" does not exist`);
    }
    if (group.latency) checkDistribution(group.latency, (m) => report(`groups.${group.id}.latency`, m));
  }
  doc.scenario.forEach((step, index) => {
    validateStep(step, doc, (field, message) => report(`scenario.${index}.${field}`, message));
  });
  (doc.alerts ?? []).forEach((rule, index) => {
    const at = (field: string, message: string) => report(`alerts.${index}.${field}`, message);
    if (rule.target !== undefined && !nodeIds.has(rule.target))
      at('target', `node "${rule.target}" does not exist`);
    if (!(Number.isFinite(rule.threshold) && rule.threshold >= 0))
      at('threshold', 'threshold must be a finite number ≥ 0');
    if (rule.metric === 'error_rate' && rule.threshold > 1)
      at('threshold', 'an error rate threshold is a share between 0 and 1');
    if (!(Number.isInteger(rule.forSec) && rule.forSec >= 1 && rule.forSec <= 3600))
      at('forSec', 'the window is a whole number of seconds from 1 to 3600');
  });
  validateExpectations(doc, report);
  validateCaptions(doc, report);
  if (doc.lesson) validateLesson(doc, doc.lesson, report);
  const { seed, durationSec, warmupSec } = doc.sim;
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff)
    report('sim.seed', 'seed must be a whole number from 0 to 4294967295');
  if (!(durationSec > 0 && durationSec <= LIMITS.durationSec))
    report('sim.durationSec', `duration must be above 0 and at most ${LIMITS.durationSec} s (a day)`);
  if (!(warmupSec >= 0 && warmupSec < durationSec))
    report('sim.warmupSec', 'warm-up must be ≥ 0 and shorter than the run');
  return issues;
}

function validateStep(step: ScenarioStep, doc: ArchDocument, report: Report): void {
  if (!Number.isFinite(step.atSec) || step.atSec < 0) report('atSec', 'time must be ≥ 0');
  const target = faultTargetOf(doc, step.target);
  if (target === null) {
    report('target', `node, group or edge "${step.target}" does not exist`);
    return;
  }
  // What each action takes and applies to is the fault catalogue's (src/model/faults.ts).
  const spec = ACTIONS[step.action];
  if (!targetIn(spec.targets, target)) report('target', spec.wrongTarget);
  for (const prop of spec.params) {
    const value = step[prop];
    if (value === undefined) continue;
    const problem = (STEP_PARAMS[prop].type as ValueType<typeof value>).check(value);
    if (problem !== null) report(prop, problem);
  }
  switch (step.action) {
    case 'load':
      if (step.ratePerSec === undefined) report('ratePerSec', 'load needs a rate, e.g. rate=800/s');
      // A closed population sends when its users have thought, not at a rate: a rate would change nothing.
      if (target.type === 'node' && target.node.kind === 'client' && target.node.params.arrival === 'closed')
        report(
          'target',
          `${target.node.label} is a closed population (arrival=closed): its load is its users, set users= instead of a load step`,
        );
      break;
    case 'degrade':
      if (spec.params.every((prop) => step[prop] === undefined))
        report('action', 'degrade needs factor=, errors=, latency=, loss= or workers=');
      checkDegradeTarget(step, target, report);
      break;
    case 'fail':
    case 'recover':
    case 'partition':
    case 'flush':
      break;
    default: {
      const unknown: never = step.action;
      report('action', `unknown action "${String(unknown)}"`);
    }
  }
}

/**
 * What each strength of a `degrade` step changes (README "Faults"): `factor=`, `errors=` and `workers=`
 * a node's own work, `latency=` and `loss=` an edge; a group passes each to its nodes or edges. Given to
 * a target it cannot change, a strength would be silently ignored, so it is an error at its value.
 */
function checkDegradeTarget(step: ScenarioStep, target: FaultTarget, report: Report): void {
  if (target.type === 'group') return;
  for (const prop of ['factor', 'errorRate', 'workersShare', 'addedLatencyMs', 'loss'] as const) {
    if (step[prop] === undefined) continue;
    const key = STEP_PARAMS[prop].key;
    const onNodes = prop === 'factor' || prop === 'errorRate' || prop === 'workersShare';
    if (target.type === 'edge' && onNodes)
      report(
        prop,
        prop === 'workersShare'
          ? 'workers= leaves a node a share of its workers; an edge has none (use latency= or loss=)'
          : `${key}= changes a node's own work; an edge takes latency= or loss=`,
      );
    else if (target.type === 'node' && !onNodes)
      report(prop, `${key}= changes an edge (A-->B) or a group; a node takes factor=, errors= or workers=`);
    else if (target.type === 'node' && !SERVING_KINDS.includes(target.node.kind))
      report(
        prop,
        prop === 'workersShare'
          ? `workers= leaves a node a share of its workers; ${target.node.label} is a ${target.node.kind} and has none`
          : `${key}= changes a node's own work; ${target.node.label} is a ${target.node.kind} and does none`,
      );
  }
}

/** Each parameter of the node against its range in the parameter table (src/model/params.ts). */
function validateParams(node: NodeSpec, report: Report): void {
  checkParams(KINDS[node.kind].params, node.params, report);
}

export function checkDistribution(d: Distribution, report: (message: string) => void): void {
  const problem = distributionProblem(d);
  if (problem !== null) report(problem);
}
