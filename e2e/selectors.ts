/** Names the tests find things by (DESIGN.md §8): roles and accessible names, plus a few test ids. */
export const NAMES = {
  play: 'Play',
  pause: 'Pause',
  reset: 'Reset',
  share: 'Share',
  fail: 'Fail',
  recover: 'Recover',
  speed: 'Speed',
  inspector: 'Inspector',
  throughput: 'Throughput',
  latency: 'Latency',
  errorRate: 'Error rate',
  eventLog: 'Event log',
  scenario: 'Scenario',
  runTotals: 'Run totals',
  clock: 'Simulated time',
} as const;

export const TEST_IDS = {
  clock: 'clock',
  runTotals: 'run-totals',
  eventLog: 'event-log',
  scenarioSteps: 'scenario-steps',
  readout: (label: string) => `readout-${label}`,
  chartLatest: 'chart-latest',
} as const;

export const SCREENSHOTS = 'test-results/screenshots';
