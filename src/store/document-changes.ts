import type { Expectation } from '../model/expectation-types';
import type { AlertRule, ArchDocument, NodeSpec, ScenarioStep } from '../model/types';

/**
 * Edits to the document as pure functions returning a new document (STYLE.md: changes as data, no
 * mutation). The store applies them; they know nothing of runs or the UI.
 */

/** Replaces the parameters of node `id`. */
export function withNodeParams(doc: ArchDocument, id: string, params: NodeSpec['params']): ArchDocument {
  return {
    ...doc,
    nodes: doc.nodes.map((node) => (node.id === id ? ({ ...node, params } as NodeSpec) : node)),
  };
}

/** Appends a scenario step, keeping the timeline ordered by time (stable for equal times). */
export function withScenarioStep(doc: ArchDocument, step: ScenarioStep): ArchDocument {
  const scenario = [...doc.scenario, step].sort((a, b) => a.atSec - b.atSec);
  return { ...doc, scenario };
}

/** Replaces the scenario, ordered by time (stable for equal times). */
export function withScenario(doc: ArchDocument, steps: readonly ScenarioStep[]): ArchDocument {
  return { ...doc, scenario: [...steps].sort((a, b) => a.atSec - b.atSec) };
}

/** Removes every scenario step. */
export function withoutScenario(doc: ArchDocument): ArchDocument {
  return { ...doc, scenario: [] };
}

/** Replaces the expectations (none: the document keeps no `expectations` key). */
export function withExpectations(doc: ArchDocument, expectations: readonly Expectation[]): ArchDocument {
  const { expectations: _old, ...rest } = doc;
  return expectations.length > 0 ? { ...rest, expectations } : rest;
}

/** Replaces the alert rules (none: the document keeps no `alerts` key). */
export function withAlerts(doc: ArchDocument, alerts: readonly AlertRule[]): ArchDocument {
  const { alerts: _old, ...rest } = doc;
  return alerts.length > 0 ? { ...rest, alerts } : rest;
}
