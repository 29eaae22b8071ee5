import type { AlertMetric, AlertRule, ArchDocument } from '../../model/types';
import { parseCount, parseDurationMs, parseProbability } from '../../model/units';

/** What the alert editor's fields hold, as typed. `target` is a node id, or '' for the whole system. */
export interface AlertDraft {
  readonly id: string;
  readonly metric: AlertMetric;
  readonly threshold: string;
  readonly forSec: string;
  readonly target: string;
}

export type AlertField = 'id' | 'threshold' | 'forSec' | 'target';

export type AlertDraftOutcome =
  | { readonly ok: true; readonly rule: AlertRule }
  | { readonly ok: false; readonly errors: Readonly<Partial<Record<AlertField, string>>> };

/** The unit each metric's threshold is typed in. */
export const THRESHOLD_UNITS: Readonly<Record<AlertMetric, string>> = {
  error_rate: '%',
  p99: 'ms',
  backlog: 'messages',
};

export const METRIC_NAMES: Readonly<Record<AlertMetric, string>> = {
  error_rate: 'Error rate',
  p99: 'Latency p99',
  backlog: 'Queue backlog',
};

/** Default threshold text of each metric, offered when the metric is picked. */
export const DEFAULT_THRESHOLDS: Readonly<Record<AlertMetric, string>> = {
  error_rate: '1',
  p99: '500',
  backlog: '100',
};

const ID = /^[A-Za-z_][A-Za-z0-9_-]{0,39}$/;

/** The threshold as the model stores it: a share for error rates (typed in %), ms for p99, a count for backlog. */
function thresholdOf(
  metric: AlertMetric,
  text: string,
): { ok: true; value: number } | { ok: false; error: string } {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, error: 'enter a threshold' };
  switch (metric) {
    case 'error_rate': {
      const parsed = parseProbability(trimmed.endsWith('%') ? trimmed : `${trimmed}%`);
      return parsed.ok ? parsed : { ok: false, error: 'an error rate from 0 to 100 %' };
    }
    case 'p99': {
      const parsed = parseDurationMs(trimmed, 'ms');
      return parsed.ok && Number.isFinite(parsed.value) && parsed.value >= 0
        ? parsed
        : { ok: false, error: 'a latency in ms, such as 500' };
    }
    case 'backlog': {
      const parsed = parseCount(trimmed, 0);
      return parsed.ok ? parsed : { ok: false, error: 'a whole number of messages ≥ 0' };
    }
  }
}

/**
 * Checks the editor's fields against the document (unique id, existing target, a queue for backlog)
 * and gives the rule, or one message per invalid field.
 */
export function ruleFromDraft(draft: AlertDraft, doc: ArchDocument): AlertDraftOutcome {
  const errors: Partial<Record<AlertField, string>> = {};
  const id = draft.id.trim();
  if (!ID.test(id)) errors.id = 'a name of letters, digits, - and _, starting with a letter';
  else if ((doc.alerts ?? []).some((rule) => rule.id === id))
    errors.id = `an alert named "${id}" exists already`;

  const threshold = thresholdOf(draft.metric, draft.threshold);
  if (!threshold.ok) errors.threshold = threshold.error;

  const forText = draft.forSec.trim().replace(/\s*s$/, '');
  const forSec = Number(forText);
  if (forText === '' || !Number.isInteger(forSec) || forSec < 1 || forSec > 3600)
    errors.forSec = 'whole seconds from 1 to 3600';

  const target = doc.nodes.find((n) => n.id === draft.target);
  if (draft.target !== '' && !target) errors.target = 'that node no longer exists';
  else if (draft.metric === 'backlog' && target?.kind !== 'queue')
    errors.target = 'a backlog alert watches a queue node';

  if (Object.keys(errors).length > 0 || !threshold.ok) return { ok: false, errors };
  return {
    ok: true,
    rule: {
      id,
      metric: draft.metric,
      threshold: threshold.value,
      forSec,
      ...(draft.target !== '' ? { target: draft.target } : {}),
    },
  };
}

/** A fresh id for the next rule: `errors`, `latency`, `backlog`, then numbered. */
export function nextAlertId(metric: AlertMetric, rules: readonly AlertRule[]): string {
  const base = { error_rate: 'errors', p99: 'latency', backlog: 'backlog' }[metric];
  const taken = new Set(rules.map((r) => r.id));
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}-${n}`)) n += 1;
  return `${base}-${n}`;
}
