import type { ScenarioStep } from '../../model/types';
import { formatTrimmed } from '../format';

type LabelOf = (id: string) => string;

/** A step's parameters as short text: " (hang)", " ×5 slower", " 10% errors", " +100 ms", " → 800/s". */
export function stepDetail(step: ScenarioStep): string {
  const parts: string[] = [];
  if (step.mode === 'hang') parts.push('(hang)');
  if (step.factor !== undefined) parts.push(`×${step.factor} slower`);
  if (step.errorRate !== undefined) parts.push(`${formatTrimmed(step.errorRate * 100, 2)}% errors`);
  if (step.addedLatencyMs !== undefined) parts.push(`+${step.addedLatencyMs} ms`);
  if (step.loss !== undefined) parts.push(`${formatTrimmed(step.loss * 100, 2)}% loss`);
  if (step.workersShare !== undefined) parts.push(`${formatTrimmed(step.workersShare * 100, 2)}% of workers`);
  if (step.ratePerSec !== undefined) parts.push(`→ ${step.ratePerSec}/s`);
  return parts.length ? ` ${parts.join(', ')}` : '';
}

/** A step as the scenario panel lists it: "fail Server 1", "degrade Server 2 ×5 slower". */
export const stepText = (step: ScenarioStep, labelOf: LabelOf): string =>
  `${step.action} ${labelOf(step.target)}${stepDetail(step)}`;

/** A step's time written as seconds with millisecond precision, without trailing zeros: "42.137". */
export const stepTimeText = (atSec: number): string => String(Math.round(atSec * 1000) / 1000);

/** Reads a step time typed in seconds ("42", "42.5", "42.5s", "1.5m"); an error message when it is not one. */
export function readStepTime(
  text: string,
  durationSec: number,
): { readonly atSec: number } | { readonly error: string } {
  const match = /^\s*(\d+(?:\.\d*)?|\.\d+)\s*(ms|s|m)?\s*$/i.exec(text);
  if (!match) return { error: 'a time in seconds, e.g. 60 or 1.5m' };
  const unit = (match[2] ?? 's').toLowerCase();
  const atSec = (Number(match[1]) * (unit === 'm' ? 60_000 : unit === 's' ? 1000 : 1)) / 1000;
  if (atSec >= durationSec) return { error: `before the end of the run (${durationSec} s)` };
  return { atSec: Math.round(atSec * 1000) / 1000 };
}
