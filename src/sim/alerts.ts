import type { AlertRule } from '../model/types';
import { formatTrimmed } from '../model/number-format';
import type { SecondRow } from './results';

/** An alert's change of state, at the end of the second that caused it. */
export interface AlertChange {
  readonly t: number;
  readonly rule: AlertRule;
  readonly firing: boolean;
  readonly value: number;
}

/**
 * Alert rules (DESIGN.md §3), evaluated on every closed second like a monitoring system scraping once a
 * second: a rule fires once its metric has been above the threshold for `forSec` seconds in a row, and
 * resolves at the first second it is not.
 */
export class Alerts {
  private readonly streak: Int32Array;
  private readonly firing: Uint8Array;

  constructor(private readonly rules: readonly AlertRule[]) {
    this.streak = new Int32Array(rules.length);
    this.firing = new Uint8Array(rules.length);
  }

  evaluate(row: SecondRow): AlertChange[] {
    const changes: AlertChange[] = [];
    this.rules.forEach((rule, i) => {
      const value = valueOf(rule, row);
      if (value > rule.threshold) {
        this.streak[i] = (this.streak[i] as number) + 1;
        if (!this.firing[i] && (this.streak[i] as number) >= Math.max(1, rule.forSec)) {
          this.firing[i] = 1;
          changes.push({ t: row.t + 1, rule, firing: true, value });
        }
      } else {
        this.streak[i] = 0;
        if (this.firing[i]) {
          this.firing[i] = 0;
          changes.push({ t: row.t + 1, rule, firing: false, value });
        }
      }
    });
    return changes;
  }
}

/** The rule's metric in one second: a share for error rates, ms for p99, messages for backlog. */
export function valueOf(rule: AlertRule, row: SecondRow): number {
  const node = rule.target === undefined ? undefined : row.nodes[rule.target];
  switch (rule.metric) {
    case 'error_rate': {
      if (!node) return row.total.errorRate;
      const finished = node.completed + node.errors;
      return finished > 0 ? node.errors / finished : 0;
    }
    case 'p99':
      return node ? node.p99 : row.total.p99;
    case 'backlog':
      return node?.backlog ?? 0;
  }
}

/** How a rule reads in the event log: `error rate > 1% for 10 s`. */
export function describeRule(rule: AlertRule): string {
  const on = rule.target === undefined ? '' : ` on ${rule.target}`;
  switch (rule.metric) {
    case 'error_rate':
      return `error rate${on} > ${formatTrimmed(rule.threshold * 100, 3)}% for ${rule.forSec} s`;
    case 'p99':
      return `p99${on} > ${rule.threshold} ms for ${rule.forSec} s`;
    case 'backlog':
      return `backlog${on} > ${rule.threshold} for ${rule.forSec} s`;
  }
}
