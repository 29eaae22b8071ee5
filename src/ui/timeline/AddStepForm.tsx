import { useEffect, useRef, useState, type FormEvent } from 'react';
import { selectDoc } from '../../store/selectors';
import { useArchStore } from '../../store/store';
import { targetLabelOf } from '../target-label';
import { faultsFor, faultStep, faultTargetOf, readStrength, type FaultTarget } from '../../model/faults';
import { readStepTime, stepTimeText } from './step-text';
import { stepKindName } from './step-kinds';

interface Props {
  readonly onClose: () => void;
}

/**
 * The "Add step" dialog of the scenario: time, target (node, edge or group), action and its value. The
 * step joins the document's scenario and the run restarts from t = 0, like a parameter edit.
 */
export function AddStepForm({ onClose }: Props) {
  const doc = useArchStore(selectDoc);
  const nowSec = useArchStore((s) => s.nowSec);
  const setScenario = useArchStore((s) => s.setScenario);
  const targets: { id: string; label: string }[] = [
    ...doc.nodes.map((n) => ({ id: n.id, label: n.label })),
    ...doc.edges.map((e) => ({ id: e.id, label: targetLabelOf(doc, e.id) })),
    ...doc.groups.map((g) => ({ id: g.id, label: `${g.label} (group)` })),
  ];
  const [time, setTime] = useState(() =>
    stepTimeText(Math.min(doc.sim.durationSec - 1, Math.ceil(nowSec) + 10)),
  );
  // The first node that is not a client: a server to fail is the usual first step.
  const [targetId, setTargetId] = useState(
    doc.nodes.find((n) => n.kind !== 'client')?.id ?? targets[0]?.id ?? '',
  );
  const target: FaultTarget | null = faultTargetOf(doc, targetId);
  const kinds = target ? faultsFor(target) : [];
  const [kindId, setKindId] = useState('fail');
  const kind = kinds.find((k) => k.id === kindId) ?? kinds[0];
  const strength = kind?.strength;
  const preset = strength && target ? String(strength.presets(target)[0] ?? '') : '';
  const [value, setValue] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!kind) return;
    const at = readStepTime(time, doc.sim.durationSec);
    if ('error' in at) return setError(`Time: ${at.error}`);
    const amount = strength ? readStrength(strength, value ?? preset) : undefined;
    if (amount && 'error' in amount) return setError(amount.error);
    const step = { atSec: at.atSec, target: targetId, ...faultStep(kind, amount?.value) };
    const refused = setScenario([...doc.scenario, step]);
    if (refused) return setError(refused);
    onClose();
  };

  return (
    <form
      className="add-step"
      role="dialog"
      aria-label="Add a scenario step"
      onSubmit={submit}
      onKeyDown={(e) => e.key === 'Escape' && onClose()}
    >
      <h3 className="add-step__title">Add a step</h3>
      <label className="add-step__field">
        <span>At (s)</span>
        <input ref={first} value={time} onChange={(e) => setTime(e.target.value)} spellCheck={false} />
      </label>
      <label className="add-step__field">
        <span>Target</span>
        <select value={targetId} onChange={(e) => setTargetId(e.target.value)}>
          {targets.map((t) => (
            <option key={t.id} value={t.id}>
              {t.label}
            </option>
          ))}
        </select>
      </label>
      <label className="add-step__field">
        <span>Action</span>
        <select value={kind?.id ?? ''} onChange={(e) => (setKindId(e.target.value), setValue(null))}>
          {kinds.map((k) => (
            <option key={k.id} value={k.id}>
              {stepKindName(k)}
            </option>
          ))}
        </select>
      </label>
      {strength && (
        <label className="add-step__field">
          <span>Value ({strength.unit})</span>
          <input
            value={value ?? preset}
            onChange={(e) => setValue(e.target.value)}
            inputMode="decimal"
            spellCheck={false}
          />
        </label>
      )}
      {error && (
        <p className="param__error" role="alert">
          {error}
        </p>
      )}
      <div className="add-step__buttons">
        <button type="button" className="btn btn--small" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="btn btn--small btn--primary">
          Add step
        </button>
      </div>
    </form>
  );
}
