import { useEffect, useId, useState, type FormEvent } from 'react';
import { ALERT_METRICS, type AlertMetric } from '../../model/types';
import { selectDoc } from '../../store/selectors';
import { useArchStore } from '../../store/store';
import { AlertField as Field } from './AlertField';
import {
  DEFAULT_THRESHOLDS,
  METRIC_NAMES,
  THRESHOLD_UNITS,
  nextAlertId,
  ruleFromDraft,
  type AlertDraft,
  type AlertField,
} from './alert-form';

/** A rule being written, kept while the Alerts dialog is closed so that closing it loses nothing. */
export interface KeptAlertDraft {
  readonly draft: AlertDraft;
  readonly touched: ReadonlySet<AlertField | 'all'>;
}

/**
 * Adds an alert rule: name, metric, threshold with its unit, window in seconds and an optional target.
 * Fields are checked as they are typed, like parameters; an invalid rule is never added. The form starts
 * from `kept` (what was typed before the dialog closed) and hands every change to `onKeep`.
 */
export function AlertRuleForm({
  kept,
  onKeep,
}: {
  kept: KeptAlertDraft | undefined;
  onKeep: (kept: KeptAlertDraft) => void;
}) {
  const doc = useArchStore(selectDoc);
  const setAlerts = useArchStore((s) => s.setAlerts);
  const rules = doc.alerts ?? [];
  const queues = doc.nodes.filter((n) => n.kind === 'queue');
  const fresh = (metric: AlertMetric): AlertDraft => ({
    id: nextAlertId(metric, rules),
    metric,
    threshold: DEFAULT_THRESHOLDS[metric],
    forSec: '3',
    target: metric === 'backlog' ? (queues[0]?.id ?? '') : '',
  });
  const [draft, setDraft] = useState<AlertDraft>(() => kept?.draft ?? fresh('error_rate'));
  const [touched, setTouched] = useState<ReadonlySet<AlertField | 'all'>>(() => kept?.touched ?? new Set());
  useEffect(() => onKeep({ draft, touched }), [draft, touched, onKeep]);
  const [status, setStatus] = useState('');
  const statusId = useId();

  const outcome = ruleFromDraft(draft, doc);
  const errorOf = (field: AlertField) =>
    !outcome.ok && (touched.has(field) || touched.has('all')) ? (outcome.errors[field] ?? null) : null;
  const edit = (field: AlertField, value: string) => {
    setDraft({ ...draft, [field]: value });
    setTouched(new Set([...touched, field]));
    setStatus('');
  };
  const pickMetric = (metric: AlertMetric) => {
    const next = fresh(metric);
    setDraft({
      ...draft,
      metric,
      id: touched.has('id') ? draft.id : next.id,
      threshold: touched.has('threshold') ? draft.threshold : next.threshold,
      target: metric === 'backlog' || draft.metric === 'backlog' ? next.target : draft.target,
    });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!outcome.ok) {
      setTouched(new Set(['all']));
      return;
    }
    const refused = setAlerts([...rules, outcome.rule]);
    if (refused) {
      setStatus(refused);
      return;
    }
    setStatus(`Added alert “${outcome.rule.id}”; the run restarted from t = 0.`);
    setDraft({ ...fresh(draft.metric), id: nextAlertId(draft.metric, [...rules, outcome.rule]) });
    setTouched(new Set());
  };

  return (
    <form className="alert-form" onSubmit={submit} aria-label="Add an alert rule" noValidate>
      <h3 className="alert-form__title">Add a rule</h3>
      <div className="alert-form__grid">
        <Field label="Name" error={errorOf('id')}>
          {(props) => (
            <input
              {...props}
              value={draft.id}
              spellCheck={false}
              autoComplete="off"
              onChange={(e) => edit('id', e.target.value)}
            />
          )}
        </Field>
        <Field label="Metric" error={null}>
          {(props) => (
            <select
              {...props}
              value={draft.metric}
              onChange={(e) => pickMetric(e.target.value as AlertMetric)}
            >
              {ALERT_METRICS.map((m) => (
                <option key={m} value={m}>
                  {METRIC_NAMES[m]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Above" unit={THRESHOLD_UNITS[draft.metric]} error={errorOf('threshold')}>
          {(props) => (
            <input
              {...props}
              value={draft.threshold}
              inputMode="decimal"
              autoComplete="off"
              onChange={(e) => edit('threshold', e.target.value)}
            />
          )}
        </Field>
        <Field label="For" unit="s" error={errorOf('forSec')}>
          {(props) => (
            <input
              {...props}
              value={draft.forSec}
              inputMode="numeric"
              autoComplete="off"
              onChange={(e) => edit('forSec', e.target.value)}
            />
          )}
        </Field>
        <Field label="On" error={errorOf('target')} wide>
          {(props) => (
            <select {...props} value={draft.target} onChange={(e) => edit('target', e.target.value)}>
              <option value="">All clients (the whole system)</option>
              {doc.nodes.map((n) => (
                <option key={n.id} value={n.id}>
                  {n.label}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div className="alert-form__foot">
        <p id={statusId} className="alert-form__status" role="status">
          {status}
        </p>
        <button type="submit" className="btn btn--primary" aria-describedby={statusId}>
          Add alert
        </button>
      </div>
    </form>
  );
}
