import type { AlertRule } from '../../model/types';
import { describeRule } from '../../sim/alerts';
import { useArchStore } from '../../store/store';

interface Props {
  readonly rules: readonly AlertRule[];
  readonly firing: ReadonlySet<string>;
}

/** The document's alert rules, each with its state in the run and a Delete button. */
export function AlertRuleList({ rules, firing }: Props) {
  const setAlerts = useArchStore((s) => s.setAlerts);
  if (rules.length === 0) return <p className="muted alerts__empty">No alert rules yet: add one below.</p>;
  return (
    <ul className="alerts__list" aria-label="Alert rules">
      {rules.map((rule) => {
        const on = firing.has(rule.id);
        return (
          <li key={rule.id} className={`alerts__rule ${on ? 'alerts__rule--firing' : ''}`}>
            <span className="alerts__name">{rule.id}</span>
            <span className="alerts__desc">{describeRule(rule)}</span>
            <span className={`alerts__state alerts__state--${on ? 'firing' : 'ok'}`}>
              {on ? 'firing' : 'ok'}
            </span>
            <button
              type="button"
              className="btn btn--small"
              aria-label={`Delete alert ${rule.id}`}
              onClick={() => setAlerts(rules.filter((r) => r.id !== rule.id))}
            >
              Delete
            </button>
          </li>
        );
      })}
    </ul>
  );
}
