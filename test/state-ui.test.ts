import { describe, expect, it } from 'vitest';
import { parseMermaid } from '../src/mermaid';
import { GALLERY } from '../src/model/preset-gallery';
import { ACTIVE_ACTIVE } from '../src/model/presets';
import type { ArchDocument } from '../src/model/types';
import { detectionsOf } from '../src/sim/detection';
import { runReport } from '../src/analysis/report';
import type { SimEvent } from '../src/sim/results';
import { ruleFromDraft, nextAlertId, type AlertDraft } from '../src/ui/alerts/alert-form';
import { firingRules } from '../src/ui/alerts/alert-status';
import { lessonParts } from '../src/ui/gallery/lesson-parts';
import { formatAddedLatency, nodeStateTags } from '../src/ui/metrics/node-state';
import { stateMetricsOf } from '../src/ui/metrics/state-metrics';

const presetDoc = async (id: string): Promise<ArchDocument> => {
  const parsed = await parseMermaid(GALLERY.find((p) => p.id === id)?.mermaid ?? '');
  if (!parsed.ok) throw new Error(id);
  return parsed.document;
};

describe('state counts shown for a document', () => {
  it('shows nothing for the plain active-active document', () => {
    expect(stateMetricsOf(ACTIVE_ACTIVE.document)).toEqual([]);
  });

  it('shows the counts of the models each preset uses, always with its headline', async () => {
    expect(stateMetricsOf(await presetDoc('sessions'), 'sessionsLost')).toEqual(['sessionsLost']);
    expect(stateMetricsOf(await presetDoc('replication'), 'writesLost')).toEqual([
      'writesLost',
      'staleReads',
    ]);
    expect(stateMetricsOf(await presetDoc('message-queue'), 'redeliveries')).toEqual([
      'duplicates',
      'redeliveries',
      'deadLettered',
    ]);
    expect(stateMetricsOf(ACTIVE_ACTIVE.document, 'staleReads')).toEqual(['staleReads']);
    expect(stateMetricsOf(ACTIVE_ACTIVE.document, 'failed')).toEqual([]);
  });
});

describe('alert rule drafts', () => {
  const doc = ACTIVE_ACTIVE.document;
  const draft = (over: Partial<AlertDraft>): AlertDraft => ({
    id: 'errors',
    metric: 'error_rate',
    threshold: '1',
    forSec: '3',
    target: '',
    ...over,
  });

  it('reads an error rate in percent, a p99 in ms and a backlog in messages', () => {
    expect(ruleFromDraft(draft({}), doc)).toEqual({
      ok: true,
      rule: { id: 'errors', metric: 'error_rate', threshold: 0.01, forSec: 3 },
    });
    expect(ruleFromDraft(draft({ threshold: '2.5 %' }), doc)).toMatchObject({
      ok: true,
      rule: { threshold: 0.025 },
    });
    expect(ruleFromDraft(draft({ metric: 'p99', threshold: '0.5s', target: 'Server1' }), doc)).toMatchObject({
      ok: true,
      rule: { threshold: 500, target: 'Server1' },
    });
  });

  it('names the invalid fields', () => {
    const outcome = ruleFromDraft(draft({ id: '1x', threshold: '150', forSec: '0' }), doc);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(Object.keys(outcome.errors).sort()).toEqual(['forSec', 'id', 'threshold']);
    expect(ruleFromDraft(draft({ metric: 'backlog', threshold: '10' }), doc)).toMatchObject({
      ok: false,
      errors: { target: expect.any(String) },
    });
    const taken = {
      ...doc,
      alerts: [{ id: 'errors', metric: 'error_rate' as const, threshold: 0.01, forSec: 3 }],
    };
    expect(ruleFromDraft(draft({}), taken)).toMatchObject({
      ok: false,
      errors: { id: expect.stringContaining('exists') },
    });
    expect(nextAlertId('error_rate', taken.alerts)).toBe('errors-2');
  });
});

describe('time to detect', () => {
  it('pairs each fault with the first alert that fires at or after it', () => {
    const events: SimEvent[] = [
      { t: 10, type: 'alert-firing', target: 'early' },
      { t: 60, type: 'fail', target: 'S1' },
      { t: 63, type: 'alert-firing', target: 'errors', detail: 'error rate > 1% for 3 s' },
      { t: 70, type: 'alert-resolved', target: 'errors' },
      { t: 90, type: 'hang', target: 'S2' },
    ];
    expect(detectionsOf(events).map((d) => [d.fault.target, d.alert, d.afterSec])).toEqual([
      ['S1', 'errors', 3],
      ['S2', undefined, undefined],
    ]);
    expect([...firingRules(events)]).toEqual(['early']);
  });

  it('detects the active-active failure with an error-rate rule within the health-check window', () => {
    const doc: ArchDocument = {
      ...ACTIVE_ACTIVE.document,
      scenario: [{ atSec: 60, action: 'fail', target: 'Server1' }],
      alerts: [{ id: 'errors', metric: 'error_rate', threshold: 0.01, forSec: 3 }],
      sim: { ...ACTIVE_ACTIVE.document.sim, durationSec: 90 },
    };
    const [detection] = runReport(doc).detection;
    expect(detection?.alert).toBe('errors');
    expect(detection?.detected_after_s).toBeGreaterThanOrEqual(3);
    expect(detection?.detected_after_s).toBeLessThanOrEqual(5);
  });
});

describe('canvas texts', () => {
  it('splits a lesson into what happens and what to watch', () => {
    expect(lessonParts('Server 1 fails at 60 s: watch requests fail.')).toEqual({
      scenario: 'Server 1 fails at 60 s',
      watch: 'Requests fail.',
    });
    expect(lessonParts('No colon here.')).toEqual({ scenario: 'No colon here.', watch: null });
  });

  it('tags queues, replicated databases, session services and DNS nodes', async () => {
    const queue = (await presetDoc('message-queue')).nodes.find((n) => n.kind === 'queue');
    if (!queue) throw new Error('no queue');
    const second = { backlog: 1234, oldestAgeMs: 2500 } as Parameters<typeof nodeStateTags>[1];
    expect(nodeStateTags(queue, second)).toEqual(['Backlog 1,234', 'oldest 2.5 s']);
    const replication = await presetDoc('replication');
    expect(
      replication.nodes.filter((n) => n.kind === 'database').map((n) => nodeStateTags(n, undefined)),
    ).toEqual([
      ['sync replication', '1 replica'],
      ['async replication', '1 replica'],
    ]);
    const regions = await presetDoc('two-regions');
    expect(nodeStateTags(regions.nodes.find((n) => n.kind === 'dns') ?? queue, undefined)).toEqual([
      'TTL 30 s',
      'failover',
    ]);
    const west = regions.groups.find((g) => g.id === 'West');
    expect(west?.latency && formatAddedLatency(west.latency)).toBe('+40 ms');
  });
});
