import type { ScenarioStep } from '../model/types';
import type { SimEvent } from '../sim/results';

type LabelOf = (id: string) => string;

/** What an event type says about its target, for the types without a sentence of their own. */
const VERBS: Readonly<Record<string, string>> = {
  fail: 'failed',
  hang: 'hung',
  recover: 'recovered',
  degrade: 'degraded',
  partition: 'partitioned',
  load: 'load changed',
  stopped: 'stopped',
};

/** The event as a sentence for the event log: "Load Balancer marked Server 1 down". */
export function describeEvent(event: SimEvent, labelOf: LabelOf): string {
  const target = labelOf(event.target);
  const by = event.by === undefined ? 'Health checks' : labelOf(event.by);
  const detail = 'detail' in event && typeof event.detail === 'string' ? ` (${event.detail})` : '';
  switch (event.type) {
    case 'hc-down':
      return `${by} marked ${target} down`;
    case 'hc-up':
      return `${by} marked ${target} up`;
    default:
      return `${target} ${VERBS[event.type] ?? event.type}${detail}`;
  }
}

/** The event as a short chart marker label: "Server 1 failed", "Server 1 marked down". */
export function markerText(event: SimEvent, labelOf: LabelOf): string {
  const target = labelOf(event.target);
  switch (event.type) {
    case 'hc-down':
      return `${target} marked down`;
    case 'hc-up':
      return `${target} marked up`;
    default:
      return `${target} ${VERBS[event.type] ?? event.type}`;
  }
}

/** A scenario step as the timeline shows it: "fail Server 1". */
export const describeStep = (step: ScenarioStep, labelOf: LabelOf): string => `${step.action} ${labelOf(step.target)}`;

const COLOURS: Readonly<Record<string, string>> = {
  fail: '#d62f4b',
  hang: '#d62f4b',
  recover: '#1f9d55',
  'hc-down': '#d98200',
  'hc-up': '#1d7fbf',
};

/**
 * Colour of an event's marker (SVG attributes take no CSS variables): faults red, recoveries green,
 * health checks amber and blue, anything else grey.
 */
export const eventColour = (type: SimEvent['type']): string => COLOURS[type] ?? '#7a8496';
