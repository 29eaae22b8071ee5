import { useState } from 'react';
import { selectDoc, selectNowSec, selectScenario } from '../../store/selectors';
import { useArchStore } from '../../store/store';
import { targetLabelOf } from '../target-label';
import { AddStepForm } from './AddStepForm';
import { StepRow } from './StepRow';
import { PresenterLinkButton } from '../presenter/PresenterLinkButton';
import { withCaption } from './with-caption';

/**
 * The document's scenario as an editable list with times: steps already passed and steps to come (the
 * run's own events are in the event log and on the timeline). Adding, moving or deleting a step restarts
 * the run from t = 0; Fail and the other fault actions append steps during a run.
 */
export function ScenarioPanel() {
  const steps = useArchStore(selectScenario);
  const doc = useArchStore(selectDoc);
  const nowSec = useArchStore(selectNowSec);
  const { clearScenario, setScenario } = useArchStore.getState();
  const [adding, setAdding] = useState(false);
  const labelOf = (id: string) => targetLabelOf(doc, id);
  return (
    <section className="scenario" role="region" aria-label="Scenario">
      <div className="scenario__head">
        <h2 className="panel-title">Scenario</h2>
        <div className="scenario__actions">
          <button
            type="button"
            className="btn btn--small"
            aria-expanded={adding}
            onClick={() => setAdding(!adding)}
            title="Add a step at a time of your choice"
          >
            + Add step
          </button>
          <button
            type="button"
            className="btn btn--small"
            onClick={clearScenario}
            disabled={steps.length === 0}
            aria-label="Clear scenario"
            title="Remove every step; the run restarts from t = 0"
          >
            Clear
          </button>
        </div>
      </div>
      {adding && <AddStepForm onClose={() => setAdding(false)} />}
      {steps.length === 0 ? (
        <p className="muted">
          Fail, Recover and the other faults add steps here; Reset replays them. Add one to plan a scenario.
        </p>
      ) : (
        <ol className="scenario__list" data-testid="scenario-steps">
          {steps.map((step, i) => (
            <StepRow
              key={`${i}-${step.atSec}-${step.action}-${step.target}`}
              step={step}
              labelOf={labelOf}
              past={step.atSec <= nowSec}
              durationSec={doc.sim.durationSec}
              onMove={(atSec) => setScenario(steps.map((s, j) => (j === i ? { ...s, atSec } : s)))}
              onDelete={() => setScenario(steps.filter((_, j) => j !== i))}
              onCaption={(caption) =>
                setScenario(steps.map((s, j) => (j === i ? withCaption(s, caption) : s)))
              }
            />
          ))}
        </ol>
      )}
      {steps.length > 0 && (
        <div className="scenario__foot">
          <PresenterLinkButton />
        </div>
      )}
    </section>
  );
}
