import { useMemo } from 'react';
import { liveResultsOf, type ExpectationResult } from '../../analysis/expectation-check';
import { liveReportOf } from '../../store/live-report';
import { selectDoc, selectEvents, selectNowSec, selectRows, selectTotals } from '../../store/selectors';
import { selectExpectations } from '../../store/state-selectors';
import { useArchStore } from '../../store/store';
import { useThrottled } from '../useThrottled';

/** How often the live verdicts follow the run: a person reads them, not a chart. */
const LIVE_REFRESH_MS = 500;

/** The document's expectations judged on the run so far (README.md, "Expectations"). */
export function useLiveExpectations(): readonly ExpectationResult[] {
  const doc = useArchStore(selectDoc);
  const expectations = useArchStore(selectExpectations);
  const rows = useThrottled(useArchStore(selectRows), LIVE_REFRESH_MS);
  const events = useThrottled(useArchStore(selectEvents), LIVE_REFRESH_MS);
  const totals = useThrottled(useArchStore(selectTotals), LIVE_REFRESH_MS);
  const nowSec = useThrottled(useArchStore(selectNowSec), LIVE_REFRESH_MS);
  return useMemo(() => {
    if (expectations.length === 0) return [];
    return liveResultsOf(expectations, liveReportOf({ doc, nowSec, rows, events, totals }));
  }, [doc, expectations, nowSec, rows, events, totals]);
}
