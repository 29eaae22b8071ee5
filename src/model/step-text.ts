/**
 * A scenario step in words, written once for the engine and the page (docs/REGISTRY.md "Add a fault"):
 * the event log's detail of a degradation or a load change (`SimEvent.detail`, pinned by test/golden),
 * and the text the timeline, the scenario list and the presenter bar show for a step.
 */
import { formatTrimmed } from './number-format';
import type { ScenarioStep } from './types';
import type { StrengthParam } from './faults';

/** Each strength in words, in the order a step lists them. */
const STRENGTH_WORDS: { readonly [P in StrengthParam]: (value: number) => string } = {
  factor: (factor) => `×${factor} slower`,
  errorRate: (share) => `${formatTrimmed(share * 100, 2)}% errors`,
  workersShare: (share) => `${formatTrimmed(share * 100, 2)}% of workers`,
  addedLatencyMs: (ms) => `+${ms} ms`,
  loss: (share) => `${formatTrimmed(share * 100, 2)}% loss`,
  ratePerSec: (rate) => `${rate} req/s`,
};

/**
 * A step's strengths: "×5 slower", "10% errors, +100 ms", "800 req/s"; undefined when it has none (a
 * crash, a recovery). The engine's event detail for a degradation or a load change.
 */
export function stepStrengths(step: ScenarioStep): string | undefined {
  const parts: string[] = [];
  for (const [prop, words] of Object.entries(STRENGTH_WORDS) as [
    StrengthParam,
    (value: number) => string,
  ][]) {
    const value = step[prop];
    if (value !== undefined) parts.push(words(value));
  }
  return parts.length > 0 ? parts.join(', ') : undefined;
}

/**
 * A step as the page lists it: "fail Server 1 (hang)", "degrade Server 2 ×5 slower", "load Client →
 * 800 req/s" (the load a client changes to). `labelOf` names the target (a node's label, an edge's ends).
 */
export function stepText(step: ScenarioStep, labelOf: (id: string) => string): string {
  const strengths = stepStrengths(step);
  const hang = step.mode === 'hang' ? ' (hang)' : '';
  const then = strengths === undefined ? '' : step.action === 'load' ? ` → ${strengths}` : ` ${strengths}`;
  return `${step.action} ${labelOf(step.target)}${hang}${then}`;
}
