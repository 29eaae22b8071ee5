import { useMemo, useState } from 'react';
import type { ParamField } from '../../model/param-fields';
import { fieldsOf } from '../../model/param-fields';
import type { ArchDocument, NodeSpec } from '../../model/types';
import type { RunReport } from '../../analysis/report';
import { mitigationOf } from '../../analysis/mitigation';
import { defaultFault, hasFault, twinBase, variantsOf, type Variant } from '../../analysis/twin';
import { validateDocument } from '../../model/validate';
import { selectDoc } from '../../store/selectors';
import { selectPairedOutcome, selectTwinOutcome } from '../../store/insight-selectors';
import { useArchStore } from '../../store/store';
import { ParamGroups } from '../inspector/ParamGroups';
import { labelIn } from '../../model/labels';
import { MitigationOffer } from './MitigationOffer';
import { ProgressBar } from './ProgressBar';
import { TwinResults } from './TwinResults';
import { useAnalysisPool } from './useAnalysisPool';
import { PairedResults } from './PairedResults';
import { pairedTotals, replicationSeeds, summarize, type RunSample } from '../../analysis/replications';

/** Seeds of "Run 30 paired seeds": each is one run of A and one of B. */
const PAIRED_SEEDS = 30;

/** B: A with the chosen variants, then the user's own adjustments of the nodes they change. */
function designB(
  a: ArchDocument,
  chosen: readonly { apply: (d: ArchDocument) => ArchDocument }[],
  adjusted: Readonly<Record<string, NodeSpec['params']>>,
): ArchDocument {
  const varied = chosen.reduce((doc, v) => v.apply(doc), a);
  return {
    ...varied,
    nodes: varied.nodes.map((n) => (adjusted[n.id] ? ({ ...n, params: adjusted[n.id] } as NodeSpec) : n)),
  };
}

/**
 * Twin runs: variant B of the open document (one-click design changes, then adjustable), A and B run with
 * the same seed and the same failure in workers, then their totals side by side and their charts overlaid.
 */
export function TwinRuns() {
  const doc = useArchStore(selectDoc);
  const outcome = useArchStore(selectTwinOutcome);
  const setTwinOutcome = useArchStore((s) => s.setTwinOutcome);
  const variants = useMemo(() => variantsOf(doc), [doc]);
  const mitigation = useMemo(() => mitigationOf(doc, variants), [doc, variants]);
  const [chosenIds, setChosenIds] = useState<readonly string[]>([]);
  const [adjusted, setAdjusted] = useState<Readonly<Record<string, NodeSpec['params']>>>({});
  const [error, setError] = useState<string | null>(null);
  const pool = useAnalysisPool<RunReport>();
  const pairedPool = useAnalysisPool<RunSample>();
  const paired = useArchStore(selectPairedOutcome);
  const setPairedOutcome = useArchStore((s) => s.setPairedOutcome);
  const chosen = useMemo(() => variants.filter((v) => chosenIds.includes(v.id)), [variants, chosenIds]);
  const base = useMemo(() => twinBase(doc), [doc]);
  const b = useMemo(() => designB(base, chosen, adjusted), [base, chosen, adjusted]);
  const fault = hasFault(doc) ? null : defaultFault(doc);
  const changedIds = [...new Set(chosen.flatMap((v) => v.nodeIds))];

  const toggle = (id: string) => {
    setChosenIds(chosenIds.includes(id) ? chosenIds.filter((c) => c !== id) : [...chosenIds, id]);
    setAdjusted({});
  };

  // B is passed in rather than read from state, so that the one-click mitigation runs the B it ticks.
  const run = async (
    runChosen: readonly Variant[] = chosen,
    runAdjusted: Readonly<Record<string, NodeSpec['params']>> = adjusted,
  ) => {
    const designed = designB(base, runChosen, runAdjusted);
    const problem = validateDocument(designed)[0];
    if (problem) {
      setError(`B is not a valid design: ${problem.message}`);
      return;
    }
    setError(null);
    const { seed, durationSec } = base.sim;
    try {
      const reports = await pool.start([
        { type: 'report', doc: base, seed, durationSec },
        { type: 'report', doc: designed, seed, durationSec },
      ]);
      const [reportA, reportB] = reports ?? [];
      if (reportA && reportB)
        setTwinOutcome({
          forDoc: doc,
          a: base,
          b: designed,
          reportA,
          reportB,
          changes: [
            ...runChosen.map((v) => v.label),
            ...Object.keys(runAdjusted).map((id) => `${labelIn(designed, id)} adjusted`),
          ],
        });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  const tryMitigation = (variant: Variant) => {
    setChosenIds([variant.id]);
    setAdjusted({});
    void run([variant], {});
  };

  const runPaired = async () => {
    const problem = validateDocument(b)[0];
    if (problem) {
      setError(`B is not a valid design: ${problem.message}`);
      return;
    }
    setError(null);
    const seeds = replicationSeeds(base.sim.seed, PAIRED_SEEDS);
    try {
      const samples = await pairedPool.start(
        [base, b].flatMap((design) =>
          seeds.map((seed) => ({ type: 'sample' as const, doc: design, seed, expectations: [] })),
        ),
      );
      if (!samples) return;
      const a = samples.slice(0, seeds.length);
      const bs = samples.slice(seeds.length);
      setPairedOutcome({
        forDoc: doc,
        runs: seeds.length,
        a: summarize(a),
        b: summarize(bs),
        differences: pairedTotals(a, bs),
      });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <div className="insight-tool">
      <p className="insight-tool__intro">
        A is your design; B is A with the changes you pick. Both run with the same seed ({base.sim.seed}) and
        the same scenario, so every difference comes from the design.
      </p>
      {fault && (
        <p className="insight-note" data-testid="twin-fault-note">
          Your scenario breaks nothing, and twin runs compare a failure: both runs crash{' '}
          <strong>{labelIn(doc, fault.target)}</strong> at {fault.atSec} s (add your own failure in the
          scenario to compare another).
        </p>
      )}
      {mitigation && (
        <MitigationOffer
          mitigation={mitigation}
          disabled={pool.running}
          onTry={() => tryMitigation(mitigation.variant)}
        />
      )}
      <fieldset className="insight-variants">
        <legend>What B changes</legend>
        {variants.length === 0 && <p className="insight-hint">No one-click change applies to this design.</p>}
        {variants.map((v) => (
          <label key={v.id} className="toggle insight-variants__item">
            <input type="checkbox" checked={chosenIds.includes(v.id)} onChange={() => toggle(v.id)} />
            {v.label}
          </label>
        ))}
      </fieldset>
      {changedIds.map((id) => {
        const node = b.nodes.find((n) => n.id === id);
        if (!node) return null;
        const fields = fieldsOf(node.kind) as unknown as readonly ParamField<NodeSpec['params']>[];
        return (
          <details key={id} className="insight-adjust">
            <summary>Adjust {node.label} in B</summary>
            <ParamGroups
              kind={node.kind}
              fields={fields}
              params={node.params}
              name={`B: parameters of ${node.label}`}
              onCommit={(params) => {
                setAdjusted({ ...adjusted, [id]: params });
                return null;
              }}
            />
          </details>
        );
      })}
      <div className="insight-form">
        <button
          type="button"
          className="btn btn--primary"
          onClick={() => void run()}
          disabled={pool.running || chosen.length === 0}
        >
          Run A and B
        </button>
        <button
          type="button"
          className="btn"
          onClick={() => void runPaired()}
          disabled={pairedPool.running || chosen.length === 0}
          title="A and B with the same 30 seeds each: is the difference real?"
        >
          Run {PAIRED_SEEDS} paired seeds
        </button>
        {chosen.length === 0 && <span className="insight-hint">Pick at least one change for B.</span>}
      </div>
      {pool.progress && <ProgressBar progress={pool.progress} label="Twin runs" onCancel={pool.cancel} />}
      {pairedPool.progress && (
        <ProgressBar progress={pairedPool.progress} label="Paired seeds" onCancel={pairedPool.cancel} />
      )}
      {error && (
        <p className="insight-error" role="alert">
          {error}
        </p>
      )}
      {paired && <PairedResults outcome={paired} stale={paired.forDoc !== doc} />}
      {outcome && <TwinResults outcome={outcome} stale={outcome.forDoc !== doc} />}
    </div>
  );
}
