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
  flush: 'flushed',
  stopped: 'stopped',
  eject: 'ejected',
  promote: 'promoted',
  'breaker-open': 'breaker opened',
  'breaker-close': 'breaker closed',
  'depth-limit': 'hit the call depth limit',
};

/** Shorter verbs for chart markers, where space is scarce. */
const SHORT_VERBS: Readonly<Record<string, string>> = {
  ...VERBS,
  load: 'load',
  'breaker-open': 'breaker open',
  'breaker-close': 'breaker closed',
  'depth-limit': 'depth limit',
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
    case 'alert-firing':
      return `Alert '${event.target}' firing${event.detail ? `: ${event.detail}` : ''}`;
    case 'alert-resolved':
      return `Alert '${event.target}' resolved`;
    case 'promote':
      return event.by === undefined ? `${target}: ${event.detail ?? 'promoted'}` : `${by} promoted ${target}`;
    case 'eject':
      return `${by} ejected ${target} (consecutive errors)`;
    case 'stopped':
      return `Run ${event.detail ?? 'stopped'}`;
    case 'fail':
    case 'hang':
    case 'recover':
    case 'degrade':
    case 'partition':
    case 'load':
    case 'flush':
    case 'breaker-open':
    case 'breaker-close':
    case 'depth-limit':
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
    case 'alert-firing':
      return `Alert '${event.target}' firing`;
    case 'alert-resolved':
      return `Alert '${event.target}' resolved`;
    case 'promote':
      return `${target} promoted`;
    case 'stopped':
      return 'run stopped';
    case 'fail':
    case 'hang':
    case 'recover':
    case 'degrade':
    case 'partition':
    case 'load':
    case 'flush':
    case 'eject':
    case 'breaker-open':
    case 'breaker-close':
    case 'depth-limit':
      return `${target} ${SHORT_VERBS[event.type] ?? event.type}`;
  }
}

const COLOURS: Readonly<Record<string, string>> = {
  fail: '#d62f4b',
  hang: '#d62f4b',
  recover: '#1f9d55',
  'hc-down': '#d98200',
  'hc-up': '#1d7fbf',
  'alert-firing': '#b5179e',
  'alert-resolved': '#7b5ea7',
  promote: '#1f9d55',
  degrade: '#d98200',
  partition: '#a4337a',
  load: '#6b5bd2',
  eject: '#c26a00',
  'breaker-open': '#b8452f',
  'breaker-close': '#1f9d55',
  'depth-limit': '#7a4bd0',
  stopped: '#5d6778',
};

/**
 * Colour of an event's marker (SVG attributes take no CSS variables): faults red, recoveries green,
 * health checks amber and blue, anything else grey.
 */
export const eventColour = (type: SimEvent['type']): string => COLOURS[type] ?? '#7a8496';
