import { meanOf } from './units';
import type { ArchDocument, Distribution, NodeSpec } from './types';

/** A problem in a document, with the path of the offending field (e.g. `nodes.Server1.params.workers`). */
export interface ValidationIssue {
  readonly path: string;
  readonly message: string;
}

/**
 * Checks a document before it reaches the engine: ids unique and referenced ids present, every number
 * finite and in range. The engine trusts documents that pass.
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
  }
  const edgeIds = new Set<string>();
  for (const edge of doc.edges) {
    if (edgeIds.has(edge.id)) report(`edges.${edge.id}`, `edge ${edge.id} is declared twice`);
    edgeIds.add(edge.id);
    if (!nodeIds.has(edge.source)) report(`edges.${edge.id}.source`, `node "${edge.source}" does not exist`);
    if (!nodeIds.has(edge.target)) report(`edges.${edge.id}.target`, `node "${edge.target}" does not exist`);
    checkDistribution(edge.params.latency, (m) => report(`edges.${edge.id}.params.latency`, m));
    if (!(edge.params.weight >= 0 && Number.isFinite(edge.params.weight))) {
      report(`edges.${edge.id}.params.weight`, 'weight must be a finite number ≥ 0');
    }
  }
  for (const group of doc.groups) {
    if (group.parent !== undefined && !groupIds.has(group.parent)) {
      report(`groups.${group.id}.parent`, `group "${group.parent}" does not exist`);
    }
  }
  doc.scenario.forEach((step, index) => {
    if (!Number.isFinite(step.atSec) || step.atSec < 0) report(`scenario.${index}.atSec`, 'time must be ≥ 0');
    if (!nodeIds.has(step.target)) report(`scenario.${index}.target`, `node "${step.target}" does not exist`);
  });
  const { seed, durationSec, warmupSec } = doc.sim;
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) report('sim.seed', 'seed must be a whole number from 0 to 4294967295');
  if (!(durationSec > 0 && Number.isFinite(durationSec))) report('sim.durationSec', 'duration must be above 0 and finite');
  if (!(warmupSec >= 0 && warmupSec < durationSec)) report('sim.warmupSec', 'warm-up must be ≥ 0 and shorter than the run');
  return issues;
}

function validateParams(node: NodeSpec, report: (field: string, message: string) => void): void {
  switch (node.kind) {
    case 'client': {
      const p = node.params;
      if (!(p.ratePerSec >= 0 && Number.isFinite(p.ratePerSec))) report('rate', 'rate must be a finite number ≥ 0');
      if (!(p.timeoutMs > 0)) report('timeout', 'timeout must be above 0 (or inf)');
      if (!(Number.isInteger(p.retries) && p.retries >= 0)) report('retries', 'retries must be a whole number ≥ 0');
      return;
    }
    case 'lb': {
      const p = node.params;
      if (!(p.hcIntervalMs > 0 && Number.isFinite(p.hcIntervalMs))) report('hc_interval', 'interval must be above 0 and finite');
      if (!(p.hcTimeoutMs > 0 && Number.isFinite(p.hcTimeoutMs))) report('hc_timeout', 'timeout must be above 0 and finite');
      if (!(Number.isInteger(p.hcUnhealthy) && p.hcUnhealthy >= 1)) report('hc_unhealthy', 'must be a whole number ≥ 1');
      if (!(Number.isInteger(p.hcHealthy) && p.hcHealthy >= 1)) report('hc_healthy', 'must be a whole number ≥ 1');
      return;
    }
    default: {
      const p = node.params;
      if (!(Number.isInteger(p.workers) && p.workers >= 1)) report('workers', 'needs at least 1 worker');
      if (!(p.queueCapacity >= 0 && (Number.isInteger(p.queueCapacity) || p.queueCapacity === Infinity))) {
        report('queue', 'queue capacity must be a whole number ≥ 0 (or inf)');
      }
      checkDistribution(p.service, (m) => report('service', m));
    }
  }
}

function checkDistribution(d: Distribution, report: (message: string) => void): void {
  const values = Object.values(d).filter((v): v is number => typeof v === 'number');
  if (values.some((v) => !Number.isFinite(v) || v < 0)) {
    report('distribution parameters must be finite numbers ≥ 0');
    return;
  }
  if (!Number.isFinite(meanOf(d))) report('the distribution has no finite mean');
}
