import { validateExpectations } from './validate-expectations';
import { meanOf } from './units';
import { MAX_ENTRIES, MAX_KEYS, MAX_LOAD_K, MAX_LOAD_N, MAX_ZIPF_S } from './overload-params';
import { validateCaptions, validateLesson } from './validate-lesson';
import { validatePeers } from './validate-peers';
import type {
  ArchDocument,
  CacheParams,
  ClientParams,
  Distribution,
  LbParams,
  LimiterParams,
  NodeSpec,
  ScenarioStep,
  WorkerParams,
} from './types';

/** A problem in a document, with the path of the offending field (e.g. `nodes.Server1.params.workers`). */
export interface ValidationIssue {
  readonly path: string;
  readonly message: string;
}

type Report = (field: string, message: string) => void;

/** Limits beyond which a browser run could not keep up: refused, with the limit in the message. */
export const LIMITS = {
  ratePerSec: 1_000_000,
  workers: 100_000,
  retries: 100,
  users: 1_000_000,
  durationSec: 86_400,
} as const;

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
    checkDistribution(edge.params.latency, (m) => at('params.latency', m));
    if (!(edge.params.weight >= 0 && Number.isFinite(edge.params.weight)))
      at('params.weight', 'weight must be a finite number ≥ 0');
    checkProbability(edge.params.loss, (m) => at('params.loss', m));
  }
  validatePeers(doc, report);
  for (const group of doc.groups) {
    if (group.parent !== undefined && !groupIds.has(group.parent)) {
      report(`groups.${group.id}.parent`, `group "${group.parent}" does not exist`);
    }
    if (group.latency) checkDistribution(group.latency, (m) => report(`groups.${group.id}.latency`, m));
  }
  doc.scenario.forEach((step, index) => {
    const kind = nodeIds.has(step.target)
      ? 'node'
      : groupIds.has(step.target)
        ? 'group'
        : edgeIds.has(step.target)
          ? 'edge'
          : null;
    validateStep(step, kind, doc, (field, message) => report(`scenario.${index}.${field}`, message));
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

function validateStep(
  step: ScenarioStep,
  kind: 'node' | 'group' | 'edge' | null,
  doc: ArchDocument,
  report: Report,
): void {
  if (!Number.isFinite(step.atSec) || step.atSec < 0) report('atSec', 'time must be ≥ 0');
  if (kind === null) {
    report('target', `node, group or edge "${step.target}" does not exist`);
    return;
  }
  switch (step.action) {
    case 'partition':
      if (kind === 'node') report('target', 'partition cuts an edge (A-->B) or a group, not a node');
      break;
    case 'load': {
      const node = doc.nodes.find((n) => n.id === step.target);
      if (node?.kind !== 'client') report('target', 'load changes the rate of a client');
      if (step.ratePerSec === undefined) report('ratePerSec', 'load needs a rate, e.g. rate=800/s');
      else if (!(step.ratePerSec >= 0 && step.ratePerSec <= LIMITS.ratePerSec))
        report('ratePerSec', `rate must be from 0 to ${LIMITS.ratePerSec}/s`);
      break;
    }
    case 'degrade':
      if (
        step.factor === undefined &&
        step.errorRate === undefined &&
        step.addedLatencyMs === undefined &&
        step.loss === undefined &&
        step.workersShare === undefined
      ) {
        report('action', 'degrade needs factor=, errors=, latency=, loss= or workers=');
      }
      if (step.factor !== undefined && !(step.factor > 0 && Number.isFinite(step.factor)))
        report('factor', 'factor must be a finite number above 0');
      checkProbability(step.errorRate, (m) => report('errorRate', m));
      checkProbability(step.loss, (m) => report('loss', m));
      if (step.workersShare !== undefined && !(step.workersShare > 0 && step.workersShare <= 1))
        report('workersShare', 'workers= is a share of workers above 0% and at most 100%');
      if (
        step.addedLatencyMs !== undefined &&
        !(step.addedLatencyMs >= 0 && Number.isFinite(step.addedLatencyMs))
      ) {
        report('addedLatencyMs', 'added latency must be a finite duration ≥ 0');
      }
      break;
    case 'flush': {
      const node = doc.nodes.find((n) => n.id === step.target);
      if (node?.kind !== 'cache') report('target', 'flush empties a cache: its target must be a cache node');
      break;
    }
    case 'fail':
    case 'recover':
      break;
  }
}

function validateParams(node: NodeSpec, report: Report): void {
  switch (node.kind) {
    case 'client':
      return validateClient(node.params, report);
    case 'lb':
      return validateLb(node.params, report);
    case 'database': {
      validateWorkers(node.params, report);
      const p = node.params;
      if (p.replicas !== undefined && !(Number.isInteger(p.replicas) && p.replicas >= 0 && p.replicas <= 100))
        report('replicas', 'replicas must be a whole number from 0 to 100');
      if (p.lag) checkDistribution(p.lag, (m) => report('lag', m));
      checkDuration(p.detectMs, report, 'detect');
      checkDuration(p.promoteMs, report, 'promote');
      return;
    }
    case 'queue': {
      validateWorkers(node.params, report);
      const p = node.params;
      if (p.visibilityMs !== undefined && !(p.visibilityMs > 0 && Number.isFinite(p.visibilityMs)))
        report('visibility', 'visibility timeout must be above 0 and finite');
      if (p.maxAttempts !== undefined && !(Number.isInteger(p.maxAttempts) && p.maxAttempts >= 1))
        report('max_attempts', 'max attempts must be a whole number ≥ 1');
      if (p.bound !== undefined && !(p.bound >= 1 && (Number.isInteger(p.bound) || p.bound === Infinity)))
        report('bound', 'bound must be a whole number ≥ 1 (or inf)');
      return;
    }
    case 'service':
      validateWorkers(node.params, report);
      if (node.params.sessionSync)
        checkDistribution(node.params.sessionSync, (m) => report('session_sync', m));
      return;
    case 'dns':
      validateWorkers(node.params, report);
      checkDuration(node.params.ttlMs, report, 'ttl');
      return;
    case 'cache':
      validateWorkers(node.params, report);
      return validateCache(node.params, report);
    case 'limiter':
      return validateLimiter(node.params, report);
  }
}

function validateClient(p: ClientParams, report: Report): void {
  if (!(p.ratePerSec >= 0 && p.ratePerSec <= LIMITS.ratePerSec))
    report('rate', `rate must be from 0 to ${LIMITS.ratePerSec}/s`);
  if (!(p.timeoutMs > 0)) report('timeout', 'timeout must be above 0 (or inf)');
  if (!(Number.isInteger(p.retries) && p.retries >= 0 && p.retries <= LIMITS.retries))
    report('retries', `retries must be a whole number from 0 to ${LIMITS.retries}`);
  checkDuration(p.backoffMs, report, 'backoff', true);
  if (p.retryBudget !== undefined && !(p.retryBudget >= 0 && p.retryBudget <= 10))
    report('retry_budget', 'retry budget must be a share from 0 to 10 (0% to 1000%)');
  if (p.breakerErrors !== undefined && !(Number.isInteger(p.breakerErrors) && p.breakerErrors >= 0))
    report('breaker_errors', 'breaker threshold must be a whole number ≥ 0');
  checkDuration(p.breakerOpenMs, report, 'breaker_open');
  checkDuration(p.burstOnMs, report, 'burst_on');
  checkDuration(p.burstOffMs, report, 'burst_off', true);
  checkDuration(p.rampMs, report, 'ramp');
  if (p.users !== undefined && !(Number.isInteger(p.users) && p.users >= 1 && p.users <= LIMITS.users))
    report('users', `users must be a whole number from 1 to ${LIMITS.users}`);
  checkProbability(p.writes, (m) => report('writes', m));
  if (p.readYourWrites !== undefined && typeof p.readYourWrites !== 'boolean')
    report('read_your_writes', 'read_your_writes is true or false');
  if (p.keys) {
    if (!(Number.isInteger(p.keys.n) && p.keys.n >= 1 && p.keys.n <= MAX_KEYS))
      report('keys', `keys must be a whole number from 1 to ${MAX_KEYS}`);
    if (p.keys.type === 'zipf' && !(p.keys.s > 0 && p.keys.s <= MAX_ZIPF_S))
      report('keys', `the zipf exponent must be above 0 and at most ${MAX_ZIPF_S}`);
  }
  if (p.think) checkDistribution(p.think, (m) => report('think', m));
}

/** README "Keyed caches": entries, TTL and hit ratio in range. */
function validateCache(p: CacheParams, report: Report): void {
  if (p.ttlMs !== undefined && !(p.ttlMs > 0)) report('ttl', 'ttl must be a duration above 0 (or inf)');
  if (
    p.size !== undefined &&
    !(p.size === Infinity || (Number.isInteger(p.size) && p.size >= 1 && p.size <= MAX_ENTRIES))
  )
    report('size', `size must be a whole number of entries from 1 to ${MAX_ENTRIES} (or inf)`);
  checkProbability(p.hitRatio, (m) => report('hit', m));
}

/** README "Limiter": a rate above 0, or a whole concurrency ≥ 1; a burst ≥ 1. */
function validateLimiter(p: LimiterParams, report: Report): void {
  if (p.limit.type === 'rate' && !(p.limit.perSec > 0 && p.limit.perSec <= LIMITS.ratePerSec))
    report('limit', `a rate limit must be above 0/s and at most ${LIMITS.ratePerSec}/s`);
  if (
    p.limit.type === 'concurrency' &&
    !(Number.isInteger(p.limit.max) && p.limit.max >= 1 && p.limit.max <= 1_000_000)
  )
    report('limit', 'a concurrency limit must be a whole number from 1 to 1000000');
  if (p.burst !== undefined && !(p.burst >= 1 && p.burst <= MAX_ENTRIES))
    report('burst', `burst must be from 1 to ${MAX_ENTRIES}`);
}

function validateLb(p: LbParams, report: Report): void {
  if (!(p.hcIntervalMs > 0 && Number.isFinite(p.hcIntervalMs)))
    report('hc_interval', 'interval must be above 0 and finite');
  if (!(p.hcTimeoutMs > 0 && Number.isFinite(p.hcTimeoutMs)))
    report('hc_timeout', 'timeout must be above 0 and finite');
  if (!(Number.isInteger(p.hcUnhealthy) && p.hcUnhealthy >= 1))
    report('hc_unhealthy', 'must be a whole number ≥ 1');
  if (!(Number.isInteger(p.hcHealthy) && p.hcHealthy >= 1))
    report('hc_healthy', 'must be a whole number ≥ 1');
  if (p.ejectErrors !== undefined && !(Number.isInteger(p.ejectErrors) && p.ejectErrors >= 0))
    report('eject_errors', 'must be a whole number ≥ 0 (0: off)');
  checkDuration(p.ejectTimeMs, report, 'eject_time');
  checkDuration(p.promoteMs, report, 'promote', true);
}

function validateWorkers(p: WorkerParams, report: Report): void {
  if (!(Number.isInteger(p.workers) && p.workers >= 1)) report('workers', 'needs at least 1 worker');
  else if (p.workers > LIMITS.workers) report('workers', `at most ${LIMITS.workers} workers`);
  if (!(p.queueCapacity >= 0 && (Number.isInteger(p.queueCapacity) || p.queueCapacity === Infinity))) {
    report('queue', 'queue capacity must be a whole number ≥ 0 (or inf)');
  }
  checkDistribution(p.service, (m) => report('service', m));
  if (p.timeoutMs !== undefined && !(p.timeoutMs > 0)) report('timeout', 'timeout must be above 0 (or inf)');
  const load = p.loadLatency;
  if (load) {
    if (!(load.k >= 0 && load.k <= MAX_LOAD_K)) report('load_latency', `k must be from 0 to ${MAX_LOAD_K}`);
    if (load.type === 'poly' && !(load.n > 0 && load.n <= MAX_LOAD_N))
      report('load_latency', `the power n must be above 0 and at most ${MAX_LOAD_N}`);
  }
  if (
    p.shed !== undefined &&
    !(p.shed === Infinity || (Number.isInteger(p.shed) && p.shed >= 0 && p.shed <= MAX_ENTRIES))
  )
    report('shed', `shed must be a whole number of waiting requests from 0 to ${MAX_ENTRIES} (or inf)`);
  if (p.maxWaitMs !== undefined && !(p.maxWaitMs > 0))
    report('max_wait', 'max_wait must be a duration above 0 (or inf)');
}

/** An optional duration in ms: finite, and above 0 (or ≥ 0 when zero is meaningful). */
function checkDuration(value: number | undefined, report: Report, field: string, zeroAllowed = false): void {
  if (value === undefined) return;
  const ok = Number.isFinite(value) && (zeroAllowed ? value >= 0 : value > 0);
  if (!ok) report(field, zeroAllowed ? 'must be a finite duration ≥ 0' : 'must be a finite duration above 0');
}

function checkProbability(value: number | undefined, report: (message: string) => void): void {
  if (value !== undefined && !(value >= 0 && value <= 1))
    report('must be a probability between 0 and 1 (0% to 100%)');
}

export function checkDistribution(d: Distribution, report: (message: string) => void): void {
  const values = Object.values(d).filter((v): v is number => typeof v === 'number');
  if (values.some((v) => !Number.isFinite(v) || v < 0)) {
    report('distribution parameters must be finite numbers ≥ 0');
    return;
  }
  if (d.type === 'erlang' && !(Number.isInteger(d.k) && d.k >= 1 && d.k <= 1000)) {
    report('erlang(k, mean) needs a whole k from 1 to 1000');
    return;
  }
  if (!Number.isFinite(meanOf(d))) report('the distribution has no finite mean');
}
