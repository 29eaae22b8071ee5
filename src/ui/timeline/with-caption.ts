import type { ScenarioStep } from '../../model/types';

/** The step with a trainer's caption; blank text removes the caption. */
export function withCaption(step: ScenarioStep, caption: string): ScenarioStep {
  const text = caption.trim();
  if (text !== '') return { ...step, caption: text };
  const copy: { -readonly [K in keyof ScenarioStep]?: ScenarioStep[K] } = { ...step };
  delete copy.caption;
  return copy as ScenarioStep;
}
