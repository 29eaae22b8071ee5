import { EXPECT_OPS, expectMetricInfo, type Expectation } from './expectation-types';
import type { ArchDocument } from './types';

/**
 * What only the whole document can tell about its expectations (README.md, "Expectations"): the node
 * each one names exists, its window lies inside the run, and its value fits the metric. Issues name
 * the field path `expectations.N.field`.
 */
export function validateExpectations(
  doc: ArchDocument,
  report: (path: string, message: string) => void,
): void {
  const nodeIds = new Set(doc.nodes.map((node) => node.id));
  (doc.expectations ?? []).forEach((e: Expectation, index) => {
    const at = (field: string, message: string) => report(`expectations.${index}.${field}`, message);
    const info = expectMetricInfo(e.metric);
    if (!info) at('metric', `unknown metric "${e.metric}"`);
    else if (!info.scopes.includes(e.target === undefined ? 'total' : 'node'))
      at(
        'metric',
        `${e.metric} is ${e.target === undefined ? 'a node metric: name the node' : 'not a node metric'}`,
      );
    if (!EXPECT_OPS.includes(e.op)) at('op', `unknown comparison "${String(e.op)}"`);
    if (!Number.isFinite(e.value) || e.value < 0) at('value', 'the value must be a finite number ≥ 0');
    else if (info?.unit === 'share' && e.value > 1) at('value', `${e.metric} is a share from 0% to 100%`);
    if (e.target !== undefined && !nodeIds.has(e.target)) at('target', `node "${e.target}" does not exist`);
    if (e.window) {
      const { fromSec, toSec } = e.window;
      if (!(Number.isFinite(fromSec) && fromSec >= 0 && Number.isFinite(toSec) && toSec > fromSec))
        at('window', 'the window must start at 0 s or later and end after it starts');
      else if (fromSec >= doc.sim.durationSec)
        at('window', `the window starts at ${fromSec} s, after the run ends (${doc.sim.durationSec} s)`);
      if (info && !info.windowed) at('window', `${e.metric} is a whole-run figure: it has no window`);
    }
    if (e.confidence !== undefined && !(e.confidence > 0 && e.confidence < 1))
      at('confidence', 'the confidence level must be above 0% and below 100%');
  });
}
