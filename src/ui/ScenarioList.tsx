import { selectNodes, selectScenario } from '../store/selectors';
import { useArchStore } from '../store/store';
import { describeStep } from './describe-event';
import { formatSec } from './format';

/** The document's fault timeline: steps added by Fail/Recover, replayed identically by Reset. */
export function ScenarioList() {
  const steps = useArchStore(selectScenario);
  const nodes = useArchStore(selectNodes);
  const clearScenario = useArchStore((s) => s.clearScenario);
  const labelOf = (id: string) => nodes.find((n) => n.id === id)?.label ?? id;
  return (
    <section className="scenario" role="region" aria-label="Scenario">
      <div className="scenario__head">
        <h2 className="panel-title">Scenario</h2>
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
      {steps.length === 0 ? (
        <p className="muted">Fail and Recover add steps here; Reset replays them.</p>
      ) : (
        <ol className="scenario__list" data-testid="scenario-steps">
          {steps.map((step, i) => (
            <li key={i} className={`scenario__step scenario__step--${step.action}`}>
              <time className="log__time">{formatSec(step.atSec, 3)}</time> {describeStep(step, labelOf)}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
