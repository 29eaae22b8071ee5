import { useMemo } from 'react';
import { explainRun } from '../../analysis/explain';
import { liveReportOf } from '../../store/live-report';
import {
  selectDoc,
  selectDone,
  selectEvents,
  selectNowSec,
  selectRows,
  selectTotals,
} from '../../store/selectors';
import { useArchStore } from '../../store/store';
import { formatSec } from '../format';
import { useThrottled } from '../useThrottled';
import { ExplainSentence } from './ExplainSentence';

/** Wall time between live accounts: a reader needs no more, and the run keeps its thread to itself. */
const LIVE_REFRESH_MS = 1000;

/**
 * "Explain why": the run told in plain sentences, each number traceable to the run's report (hover a
 * number for where it comes from). Built from what the worker streamed, live while the run goes (at most
 * once a second, and only while this panel is shown) and final when it ends.
 */
export function ExplainPanel() {
  const doc = useArchStore(selectDoc);
  const done = useArchStore(selectDone);
  const rows = useThrottled(useArchStore(selectRows), LIVE_REFRESH_MS);
  const events = useThrottled(useArchStore(selectEvents), LIVE_REFRESH_MS);
  const totals = useThrottled(useArchStore(selectTotals), LIVE_REFRESH_MS);
  const nowSec = useThrottled(useArchStore(selectNowSec), LIVE_REFRESH_MS);
  const report = useMemo(
    () => liveReportOf({ doc, nowSec, rows, events, totals }),
    [doc, nowSec, rows, events, totals],
  );
  const sentences = useMemo(() => (report ? explainRun(doc, report) : []), [doc, report]);
  const faulted = report?.events.some((e) => ['fail', 'hang', 'degrade', 'partition'].includes(e.type));
  return (
    <div className="insight-tool">
      {!report || report.duration_s === 0 ? (
        <p className="insight-hint">
          Press Play: the account builds as the run goes, and is final when it ends.
        </p>
      ) : (
        <>
          <p className="explain__status" data-testid="explain-status">
            {done
              ? `After the run (${formatSec(report.duration_s)})`
              : `Live, at ${formatSec(report.duration_s)}`}
            {!faulted &&
              ' · nothing has failed yet: fail a node (Inspector) or add a failure to the scenario'}
            {(report.series[0]?.t ?? 0) > 0 &&
              ` · the page keeps the last ${report.series.length} s: the account covers them`}
          </p>
          <ol className="explain" aria-label="Explanation" aria-live="polite">
            {sentences.map((sentence, i) => (
              <ExplainSentence key={`${i}-${sentence.text}`} sentence={sentence} />
            ))}
          </ol>
        </>
      )}
    </div>
  );
}
