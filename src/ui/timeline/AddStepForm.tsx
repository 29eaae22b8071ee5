import { useEffect, useRef, useState, type FormEvent } from 'react';
import { selectDoc } from '../../store/selectors';
import { useArchStore } from '../../store/store';
import { targetLabelOf } from '../context-menu/fault-actions';
import { readStepTime, stepTimeText } from './step-text';
import { STEP_KINDS, type TargetType } from './step-kinds';

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
  const targets: { id: string; type: TargetType; label: string }[] = [
    ...doc.nodes.map((n) => ({
      id: n.id,
      type: (n.kind === 'client' ? 'client' : n.kind === 'cache' ? 'cache' : 'node') as TargetType,
      label: n.label,
    })),
    ...doc.edges.map((e) => ({ id: e.id, type: 'edge' as const, label: targetLabelOf(doc, e.id) })),
    ...doc.groups.map((g) => ({ id: g.id, type: 'group' as const, label: `${g.label} (group)` })),
  ];
  const [time, setTime] = useState(() =>
    stepTimeText(Math.min(doc.sim.durationSec - 1, Math.ceil(nowSec) + 10)),
  );
  const [targetId, setTargetId] = useState(
    targets.find((t) => t.type === 'node' || t.type === 'cache')?.id ?? targets[0]?.id ?? '',
  );
  const targetType = targets.find((t) => t.id === targetId)?.type ?? 'node';
  const kinds = STEP_KINDS.filter((k) => k.targets.includes(targetType));
  const [kindId, setKindId] = useState('fail');
  const kind = kinds.find((k) => k.id === kindId) ?? kinds[0];
  const [value, setValue] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!kind) return;
    const at = readStepTime(time, doc.sim.durationSec);
    if ('error' in at) return setError(`Time: ${at.error}`);
    const amount = Number(value ?? kind.defaultValue ?? '0');
    if (kind.unit && (value ?? kind.defaultValue ?? '').trim() === '') return setError('Enter a value');
    if (kind.unit && !Number.isFinite(amount)) return setError('The value is not a number');
    const step = { atSec: at.atSec, target: targetId, ...kind.build(amount) };
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
              {k.label}
            </option>
          ))}
        </select>
      </label>
      {kind?.unit && (
        <label className="add-step__field">
          <span>Value ({kind.unit})</span>
          <input
            value={value ?? kind.defaultValue ?? ''}
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
