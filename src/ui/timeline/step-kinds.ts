import type { FaultSpec } from '../../model/faults';

/**
 * The name of a fault in the "Add step" form's Action list: its label, and for a multiplier or a
 * percentage the unit it is typed in ("Slow ×", "Errors %"); the value field names other units.
 */
export function stepKindName(fault: FaultSpec): string {
  const unit = fault.strength?.unit;
  return unit === '×' || unit === '%' ? `${fault.label} ${unit}` : fault.label;
}
