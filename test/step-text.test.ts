import { describe, expect, it } from 'vitest';
import { runReport } from '../src/analysis/report';
import { stepStrengths, stepText } from '../src/model/step-text';
import type { ScenarioStep } from '../src/model/types';
import type { SimEvent } from '../src/sim/results';
import { describeEvent } from '../src/ui/describe-event';
import { balanced } from './support/documents';

/**
 * One description of a scenario step (src/model/step-text.ts): the words the page lists a step with are
 * the words the engine's event detail, and so the event log, gives it.
 */
const labelOf = (id: string) => ({ S1: 'Server 1', C: 'Client', 'LB-->S2': 'Load Balancer → S2' })[id] ?? id;

describe('a step in words', () => {
  it.each<[ScenarioStep, string]>([
    [{ atSec: 5, action: 'fail', target: 'S1' }, 'fail Server 1'],
    [{ atSec: 5, action: 'fail', target: 'S1', mode: 'hang' }, 'fail Server 1 (hang)'],
    [{ atSec: 5, action: 'recover', target: 'S1' }, 'recover Server 1'],
    [{ atSec: 5, action: 'degrade', target: 'S1', factor: 4 }, 'degrade Server 1 ×4 slower'],
    [
      { atSec: 5, action: 'degrade', target: 'S1', factor: 2, errorRate: 0.125, workersShare: 0.5 },
      'degrade Server 1 ×2 slower, 12.5% errors, 50% of workers',
    ],
    [
      { atSec: 5, action: 'degrade', target: 'LB-->S2', addedLatencyMs: 100, loss: 0.02 },
      'degrade Load Balancer → S2 +100 ms, 2% loss',
    ],
    [{ atSec: 5, action: 'load', target: 'C', ratePerSec: 800 }, 'load Client → 800 req/s'],
    [{ atSec: 5, action: 'partition', target: 'LB-->S2' }, 'partition Load Balancer → S2'],
  ])('%o reads "%s"', (step, text) => {
    expect(stepText(step, labelOf)).toBe(text);
  });

  it('the engine describes each step with the same strengths as the page, and the event log shows them', () => {
    const scenario: ScenarioStep[] = [
      { atSec: 1, action: 'degrade', target: 'S1', factor: 3, errorRate: 0.1, workersShare: 0.5 },
      { atSec: 2, action: 'degrade', target: 'LB-->S2', addedLatencyMs: 20, loss: 0.05 },
      { atSec: 3, action: 'load', target: 'C', ratePerSec: 150 },
    ];
    const report = runReport(balanced({ scenario, durationSec: 4 }));
    const details = report.events
      .filter((e) => e.type === 'degrade' || e.type === 'load')
      .map((e) => e.detail);
    expect(details).toEqual(scenario.map(stepStrengths));
    expect(details).toEqual(['×3 slower, 10% errors, 50% of workers', '+20 ms, 5% loss', '150 req/s']);
    // The report's events are the engine's, typed loosely for JSON.
    const loadEvent = report.events.find((e) => e.type === 'load') as SimEvent;
    expect(describeEvent(loadEvent, labelOf)).toBe('Client load changed (150 req/s)');
    for (const step of scenario) expect(stepText(step, labelOf)).toContain(stepStrengths(step)!);
  });
});
