/**
 * The run settings (`%% @sim …`) and scenario steps (`%% @at TIME ACTION TARGET …`) of the annotations.
 */
import { ACTIONS, type StepParam } from '../model/faults';
import { readValue, type ValueType } from '../model/param-values';
import { STEP_PARAMS } from '../model/params';
import { parseCount, parseDurationMs, parseProbability, type Parsed } from '../model/units';
import {
  SCENARIO_ACTIONS,
  type AlertMetric,
  type AlertRule,
  type ScenarioAction,
  type ScenarioStep,
  type SimSettings,
} from '../model/types';
import type { Annotation, Pair } from './annotations';
import type { DiagnosticReport as Report } from './diagnostics';

/** Seconds from `300s`, `5m`, `250ms`; a value in seconds is read exactly (no trip through ms). */
export function parseSeconds(text: string): { ok: true; value: number } | { ok: false; error: string } {
  const trimmed = text.trim();
  const plain = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?)\s*s$/i.exec(trimmed);
  if (plain) return { ok: true, value: Number(plain[1]) };
  const parsed = parseDurationMs(trimmed, 's');
  if (!parsed.ok) return parsed;
  if (!Number.isFinite(parsed.value)) return { ok: false, error: 'must be finite' };
  return { ok: true, value: parsed.value / 1000 };
}

export function applySimPairs(start: SimSettings, pairs: readonly Pair[], report: Report): SimSettings {
  let sim = start;
  for (const pair of pairs) {
    const key = pair.key.text;
    if (key === 'seed') {
      const seed = Number(pair.value.text);
      if (!/^\d+$/.test(pair.value.text) || seed > 0xffffffff)
        report.error(pair.value, 'sim seed: a whole number from 0 to 4294967295');
      else sim = { ...sim, seed };
    } else if (key === 'duration' || key === 'warmup') {
      const parsed = parseSeconds(pair.value.text);
      if (!parsed.ok) report.error(pair.value, `sim ${key}: ${parsed.error}`);
      else if (key === 'duration' && !(parsed.value > 0))
        report.error(pair.value, 'sim duration: must be above 0');
      else if (key === 'warmup' && parsed.value < 0)
        report.error(pair.value, 'sim warmup: cannot be negative');
      else
        sim =
          key === 'duration' ? { ...sim, durationSec: parsed.value } : { ...sim, warmupSec: parsed.value };
    } else {
      const hint =
        key === 'kind' || key === 'label' ? 'for a node called "sim", write %% @node sim …' : undefined;
      report.error(pair.key, `unknown key "${key}" for @sim (keys: seed, duration, warmup)`, hint);
    }
  }
  const warmup = pairs.find((pair) => pair.key.text === 'warmup');
  if (warmup && sim.warmupSec >= sim.durationSec)
    report.error(warmup.value, 'sim warmup: must be shorter than the duration');
  return sim;
}

export type StepTargets = {
  readonly nodes: ReadonlySet<string>;
  readonly groups: ReadonlySet<string>;
  readonly edges: ReadonlySet<string>;
};

type MutableStep = { -readonly [K in keyof ScenarioStep]: ScenarioStep[K] };

/**
 * Reads one `key=value` pair of a step into it, with the step parameter's value type (src/model/params.ts
 * `STEP_PARAMS`); the keys each action takes are the fault catalogue's (src/model/faults.ts).
 */
function readStepParam(step: MutableStep, prop: StepParam, text: string): string | undefined {
  const param = STEP_PARAMS[prop];
  const parsed = readValue<unknown>(param.type as ValueType<unknown>, text);
  if (!parsed.ok) return `${param.key}: ${parsed.error}`;
  (step as Record<StepParam, unknown>)[prop] = parsed.value;
  return undefined;
}

export function readStep(
  annotation: Extract<Annotation, { type: 'at' }>,
  targets: StepTargets,
  report: Report,
): ScenarioStep | undefined {
  const time = parseSeconds(annotation.time.text);
  if (!time.ok || time.value < 0) {
    report.error(annotation.time, `@at time: ${time.ok ? 'cannot be negative' : time.error}`);
    return undefined;
  }
  const action = annotation.action.text as ScenarioAction;
  if (!SCENARIO_ACTIONS.includes(action)) {
    report.error(
      annotation.action,
      `unknown action "${annotation.action.text}" (use ${SCENARIO_ACTIONS.join(', ')})`,
    );
    return undefined;
  }
  const target = annotation.target.text;
  if (!targets.nodes.has(target) && !targets.groups.has(target) && !targets.edges.has(target)) {
    report.error(
      annotation.target,
      `unknown target "${target}" (not a node, subgraph or edge A-->B of the diagram)`,
    );
    return undefined;
  }
  const step: MutableStep = { atSec: time.value, action, target };
  const keys = new Map(ACTIONS[action].params.map((prop) => [STEP_PARAMS[prop].key, prop]));
  let ok = true;
  for (const pair of annotation.pairs) {
    // Every action takes a trainer's caption (presenter mode shows it when the step fires).
    if (pair.key.text === 'caption') {
      step.caption = pair.value.text;
      continue;
    }
    const prop = keys.get(pair.key.text);
    if (!prop) {
      const allowed = [...keys.keys()];
      report.error(
        pair.key,
        `"${pair.key.text}" does not apply to ${action} (keys: ${[...allowed, 'caption'].join(', ')})`,
      );
      ok = false;
      continue;
    }
    const problem = readStepParam(step, prop, pair.value.text);
    if (problem !== undefined) {
      report.error(pair.value, `${action} ${problem}`);
      ok = false;
    }
  }
  return ok ? step : undefined;
}

/** Threshold readers by metric: a share for error rate, a duration for p99, a count for backlog. */
const THRESHOLDS: Readonly<Record<AlertMetric, (text: string) => Parsed<number>>> = {
  error_rate: parseProbability,
  p99: (text) => {
    const parsed = parseDurationMs(text);
    return parsed.ok && !Number.isFinite(parsed.value) ? { ok: false, error: 'must be finite' } : parsed;
  },
  backlog: (text) => parseCount(text, 0),
};

/** `%% @alert ID metric=error_rate threshold=1% for=10s [target=Node]`. */
export function readAlert(
  annotation: Extract<Annotation, { type: 'alert' }>,
  nodes: ReadonlySet<string>,
  earlier: readonly AlertRule[],
  report: Report,
): AlertRule | undefined {
  const id = annotation.id.text;
  if (earlier.some((rule) => rule.id === id)) {
    report.error(annotation.id, `alert "${id}" is defined twice`);
    return undefined;
  }
  const value = (key: string) => annotation.pairs.find((pair) => pair.key.text === key);
  for (const pair of annotation.pairs) {
    if (!['metric', 'threshold', 'for', 'target'].includes(pair.key.text)) {
      report.error(
        pair.key,
        `unknown key "${pair.key.text}" for @alert (keys: metric, threshold, for, target)`,
      );
      return undefined;
    }
  }
  const metric = value('metric');
  const threshold = value('threshold');
  const window = value('for');
  if (!metric || !threshold || !window) {
    const missing = ['metric', 'threshold', 'for'].filter((key) => !value(key)).join(', ');
    report.error(
      annotation.id,
      `@alert ${id} needs ${missing}`,
      'example: %% @alert errors metric=error_rate threshold=1% for=10s',
    );
    return undefined;
  }
  const read = Object.hasOwn(THRESHOLDS, metric.value.text)
    ? THRESHOLDS[metric.value.text as AlertMetric]
    : undefined;
  if (!read) {
    report.error(metric.value, `unknown metric "${metric.value.text}" (use error_rate, p99, backlog)`);
    return undefined;
  }
  const parsed = read(threshold.value.text);
  if (!parsed.ok) {
    report.error(threshold.value, `alert ${id} threshold: ${parsed.error}`);
    return undefined;
  }
  const seconds = parseSeconds(window.value.text);
  if (!seconds.ok) {
    report.error(window.value, `alert ${id} for: ${seconds.error}`);
    return undefined;
  }
  const target = value('target');
  if (target && !nodes.has(target.value.text)) {
    report.error(target.value, `unknown node "${target.value.text}" (not in the diagram)`);
    return undefined;
  }
  return {
    id,
    metric: metric.value.text as AlertMetric,
    threshold: parsed.value,
    forSec: seconds.value,
    ...(target ? { target: target.value.text } : {}),
  };
}
