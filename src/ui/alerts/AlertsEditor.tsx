import { useCallback, useMemo, useState } from 'react';
import './alerts.css';
import { selectDocName, selectEvents } from '../../store/selectors';
import { selectAlerts } from '../../store/state-selectors';
import { useArchStore } from '../../store/store';
import { Dialog } from '../dialog/Dialog';
import { AlertRuleForm, type KeptAlertDraft } from './AlertRuleForm';
import { AlertRuleList } from './AlertRuleList';
import { firingRules } from './alert-status';

/**
 * The "Alerts" button of the top bar and its editor of the document's alert rules (DESIGN.md §3): list,
 * add, delete. Every edit restarts the run from t = 0, as parameter edits do. The button shows how many
 * rules there are and turns red while one fires.
 */
export function AlertsEditor() {
  const [open, setOpen] = useState(false);
  const rules = useArchStore(selectAlerts);
  const docName = useArchStore(selectDocName);
  const events = useArchStore(selectEvents);
  const firing = useMemo(() => firingRules(events), [events]);
  const anyFiring = rules.some((rule) => firing.has(rule.id));
  // The rule being written outlives the dialog, for the document it was written for.
  const [keptDraft, setKeptDraft] = useState<{ docName: string; kept: KeptAlertDraft }>();
  const keep = useCallback((kept: KeptAlertDraft) => setKeptDraft({ docName, kept }), [docName]);
  return (
    <>
      <button
        type="button"
        className={`btn ${anyFiring ? 'btn--alerting' : ''}`}
        onClick={() => setOpen(true)}
        aria-haspopup="dialog"
        title="Alert rules of this document: error rate, p99 or backlog above a threshold"
      >
        <svg className="bell" width="14" height="14" viewBox="0 0 16 16" aria-hidden="true">
          <path
            d="M8 1.5a4.5 4.5 0 0 0-4.5 4.5v3L2 11.5h12L12.5 9V6A4.5 4.5 0 0 0 8 1.5ZM6.2 13a1.9 1.9 0 0 0 3.6 0"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.5"
            strokeLinejoin="round"
          />
        </svg>{' '}
        Alerts
        <span className="count-badge" aria-label={`${rules.length} rules${anyFiring ? ', firing' : ''}`}>
          {rules.length}
        </span>
      </button>
      {open && (
        <Dialog
          id="alerts"
          className="alerts"
          title="Alerts"
          intro="Checked every simulated second, like a monitoring system. A rule fires when its metric stays above the threshold for the whole window; the event log shows how long each fault took to detect. Editing restarts the run."
          closeLabel="Close alerts"
          onClose={() => setOpen(false)}
        >
          <AlertRuleList rules={rules} firing={firing} />
          {/* A new document starts a fresh form (its names and targets belong to the old one). */}
          <AlertRuleForm
            key={docName}
            kept={keptDraft?.docName === docName ? keptDraft.kept : undefined}
            onKeep={keep}
          />
        </Dialog>
      )}
    </>
  );
}
