import type { ArchDocument, LbParams } from '../model/types';
import { formatFixed, formatGrouped } from '../model/number-format';
import type { ReportRow, RunReport } from './report';

/** A number quoted in an account, with where in the report it comes from. */
export interface Fact {
  readonly value: number;
  /** As printed in the sentence. */
  readonly text: string;
  /** Where it comes from, e.g. `events[3].t`, `series[60..66].failed`, `totals.writes_lost`. */
  readonly source: string;
}

export interface Sentence {
  readonly text: string;
  readonly facts: readonly Fact[];
}

const FAULTS = new Set(['fail', 'hang', 'degrade', 'partition']);
/** Seconds averaged before a fault and after its detection for "then" figures. */
const WINDOW_SEC = 10;

const verb: Readonly<Record<string, string>> = {
  fail: 'crashed',
  hang: 'hung',
  degrade: 'was degraded',
  partition: 'was cut off',
};

/**
 * "Explain why" (issue "Insight"): a short plain-language account of a run built from its report, each
 * sentence carrying its numbers, each number traceable to the report. One paragraph per fault: when it
 * happened, how long until a load balancer noticed and what failed meanwhile, what the survivors then
 * carried, and what state was lost.
 */
export function explainRun(doc: ArchDocument, report: RunReport): Sentence[] {
  const label = (id: string) =>
    doc.nodes.find((n) => n.id === id)?.label ?? doc.groups.find((g) => g.id === id)?.label ?? id;
  const sentences: Sentence[] = [];
  report.events.forEach((fault, index) => {
    if (!FAULTS.has(fault.type)) return;
    const at = fact(fault.t, `${formatFixed(fault.t, 1)} s`, `events[${index}].t`);
    sentences.push({
      text: `At ${at.text} ${label(fault.target)} ${verb[fault.type] ?? fault.type}${fault.detail ? ` (${fault.detail})` : ''}.`,
      facts: [at],
    });
    const detectionIndex = report.events.findIndex(
      (e, i) => i > index && e.type === 'hc-down' && e.target === fault.target,
    );
    const detection = report.events[detectionIndex];
    const from = Math.floor(fault.t);
    if (detection) {
      const to = Math.ceil(detection.t);
      const window = fact(
        detection.t - fault.t,
        `${formatFixed(detection.t - fault.t, 1)} s`,
        `events[${detectionIndex}].t - events[${index}].t`,
      );
      const failed = fact(
        sum(report.series, from, to, (r) => r.failed),
        '',
        `series[${from}..${to}].failed`,
      );
      const lb = doc.nodes.find((n) => n.id === detection.by);
      const checks = lb?.kind === 'lb' ? (lb.params as LbParams).hcUnhealthy : undefined;
      const checksText =
        checks === undefined
          ? 'its health checks failed'
          : `${checks} health check${checks === 1 ? '' : 's'} failed`;
      const failedText = thousands(failed.value);
      sentences.push({
        text: `${label(detection.by ?? '')} kept sending it traffic for ${window.text} until ${checksText}: ${failedText} request${failed.value === 1 ? '' : 's'} failed.`,
        facts: [window, { ...failed, text: failedText }],
      });
      sentences.push(...afterDetection(doc, report, detection.by ?? '', fault.target, from, to, label));
    } else if (fault.type !== 'degrade') {
      const end = Math.ceil(report.duration_s);
      const failed = fact(
        sum(report.series, from, end, (r) => r.failed),
        '',
        `series[${from}..${end}].failed`,
      );
      const failedText = thousands(failed.value);
      sentences.push({
        text: `Nothing took ${label(fault.target)} out of service before the run ended: ${failedText} request${failed.value === 1 ? '' : 's'} failed from then on.`,
        facts: [{ ...failed, text: failedText }],
      });
    }
  });
  const wasted = wastedSentence(report, label);
  if (wasted) sentences.push(wasted);
  sentences.push(lossSentence(report));
  return sentences;
}

/**
 * Wasted work, when it dominates (README "Goodput and wasted work"): the node whose completions went
 * mostly (half or more) to callers that had already given up, the largest such amount first.
 */
function wastedSentence(report: RunReport, label: (id: string) => string): Sentence | null {
  let worst: { id: string; wasted: number; completed: number } | null = null;
  for (const [id, node] of Object.entries(report.nodes)) {
    if (node.wasted > 0 && node.wasted * 2 >= node.completed && node.wasted > (worst?.wasted ?? 0))
      worst = { id, wasted: node.wasted, completed: node.completed };
  }
  if (!worst) return null;
  const share = Math.round((100 * worst.wasted) / Math.max(1, worst.completed));
  const wasted = fact(worst.wasted, thousands(worst.wasted), `nodes.${worst.id}.wasted`);
  const completed = fact(worst.completed, `${share}%`, `nodes.${worst.id}.completed`);
  return {
    text: `Most of ${label(worst.id)}'s work was wasted: ${wasted.text} of its completions (${completed.text}) answered callers that had already given up, so it was busy without goodput.`,
    facts: [wasted, completed],
  };
}

/** What the load balancer's other targets carried once it stopped sending to the failed one. */
function afterDetection(
  doc: ArchDocument,
  report: RunReport,
  lb: string,
  failed: string,
  faultSec: number,
  detectedSec: number,
  label: (id: string) => string,
): Sentence[] {
  const survivors = doc.edges.filter((e) => e.source === lb && e.target !== failed).map((e) => e.target);
  const until = Math.min(Math.ceil(report.duration_s), detectedSec + WINDOW_SEC);
  if (survivors.length === 0 || until <= detectedSec) return [];
  const seconds = until - detectedSec;
  const sentences: Sentence[] = [];
  for (const id of survivors) {
    const rate = fact(
      sum(report.series, detectedSec, until, (r) => r.nodes[id]?.arrivals ?? 0) / seconds,
      '',
      `mean(series[${detectedSec}..${until}].nodes.${id}.arrivals)`,
    );
    const util = fact(
      sum(report.series, detectedSec, until, (r) => r.nodes[id]?.utilization ?? 0) / seconds,
      '',
      `mean(series[${detectedSec}..${until}].nodes.${id}.utilization)`,
    );
    const rateText = `${Math.round(rate.value)} req/s`;
    const utilText = `${Math.round(util.value * 100)}%`;
    sentences.push({
      text: `${label(id)} then carried ${rateText} at ${utilText} utilization.`,
      facts: [
        { ...rate, text: rateText },
        { ...util, text: utilText },
      ],
    });
  }
  const beforeFrom = Math.max(0, faultSec - WINDOW_SEC);
  if (faultSec > beforeFrom) {
    const before = fact(
      sum(report.series, beforeFrom, faultSec, (r) => r.latency_ms.p99) / (faultSec - beforeFrom),
      '',
      `mean(series[${beforeFrom}..${faultSec}].latency_ms.p99)`,
    );
    const after = fact(
      sum(report.series, detectedSec, until, (r) => r.latency_ms.p99) / seconds,
      '',
      `mean(series[${detectedSec}..${until}].latency_ms.p99)`,
    );
    const beforeText = `${Math.round(before.value)} ms`;
    const afterText = `${Math.round(after.value)} ms`;
    const change =
      Math.round(after.value) > Math.round(before.value)
        ? 'rose'
        : Math.round(after.value) < Math.round(before.value)
          ? 'fell'
          : 'stayed';
    sentences.push({
      text:
        change === 'stayed'
          ? `p99 stayed at ${afterText}.`
          : `p99 ${change} from ${beforeText} to ${afterText}.`,
      facts:
        change === 'stayed'
          ? [{ ...after, text: afterText }]
          : [
              { ...before, text: beforeText },
              { ...after, text: afterText },
            ],
    });
  }
  return sentences;
}

function lossSentence(report: RunReport): Sentence {
  const sessions = fact(
    report.totals.sessions_lost,
    thousands(report.totals.sessions_lost),
    'totals.sessions_lost',
  );
  const writes = fact(report.totals.writes_lost, thousands(report.totals.writes_lost), 'totals.writes_lost');
  if (sessions.value === 0 && writes.value === 0)
    return { text: 'No sessions or writes were lost.', facts: [] };
  const parts = [
    ...(sessions.value > 0
      ? [`${sessions.text} session${sessions.value === 1 ? ' was' : 's were'} lost`]
      : []),
    ...(writes.value > 0
      ? [`${writes.text} acknowledged write${writes.value === 1 ? ' was' : 's were'} lost`]
      : []),
  ];
  const sentence = parts.join(' and ');
  return {
    text: `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`,
    facts: [...(sessions.value > 0 ? [sessions] : []), ...(writes.value > 0 ? [writes] : [])],
  };
}

function fact(value: number, text: string, source: string): Fact {
  return { value, text, source };
}

/** Sum of a figure over the report rows whose start is in [from, to). */
export function sum(
  rows: readonly ReportRow[],
  from: number,
  to: number,
  pick: (row: ReportRow) => number,
): number {
  return rows.filter((row) => row.t >= from && row.t < to).reduce((total, row) => total + pick(row), 0);
}

const thousands = formatGrouped;
