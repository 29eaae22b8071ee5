import {
  faultStep,
  faultsFor,
  strengthText,
  strengthValue,
  type FaultTarget,
  type FaultTone,
} from '../../model/faults';
import type { ScenarioStep } from '../../model/types';

/** One item of a fault menu: a fault of the catalogue (src/model/faults.ts) at one of its presets. */
export interface FaultMenuItem {
  /** Menu text: "Slow ×5", "Partition". */
  readonly label: string;
  readonly hint: string;
  readonly tone: FaultTone;
  /** The step it schedules, besides time and target. */
  readonly step: Omit<ScenarioStep, 'atSec' | 'target'>;
}

/**
 * The items of a target's fault menu (right-click, or the Inspector's "More actions"): every fault the
 * catalogue offers on it, once per strength preset, so that one click injects it.
 */
export function faultMenuItemsOf(target: FaultTarget): FaultMenuItem[] {
  return faultsFor(target).flatMap((fault) => {
    const { label, hint, tone, strength } = fault;
    if (!strength) return [{ label, hint, tone, step: faultStep(fault) }];
    return strength.presets(target).map((preset) => ({
      label: `${label} ${strengthText(strength.unit, preset)}`,
      hint,
      tone,
      step: faultStep(fault, strengthValue(strength.unit, preset)),
    }));
  });
}
