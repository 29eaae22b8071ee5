import type { HeadlineMetric } from '../../model/preset-gallery';
import { absentOf, DATABASE_PARAMS } from '../../model/params';
import { isPeerLink } from '../../model/peers';
import type { ArchDocument } from '../../model/types';
import type { StateCounts } from '../../sim/results';

/** A count of the state models (DESIGN.md §3) that the run totals can show. */
export type StateMetric = keyof StateCounts;

/** Labels of the state counts, as the page shows them ("Sessions lost 212"). */
export const STATE_LABELS: Readonly<Record<StateMetric, string>> = {
  sessionsLost: 'Sessions lost',
  writesLost: 'Writes lost',
  staleReads: 'Stale reads',
  duplicates: 'Duplicates',
  redeliveries: 'Redeliveries',
  deadLettered: 'Dead-lettered',
  conflicts: 'Conflicts',
  lostUpdates: 'Lost updates',
};

const ORDER: readonly StateMetric[] = [
  'sessionsLost',
  'writesLost',
  'staleReads',
  'duplicates',
  'redeliveries',
  'deadLettered',
  'conflicts',
  'lostUpdates',
];

const isStateMetric = (metric: string | undefined): metric is StateMetric =>
  metric !== undefined && Object.hasOwn(STATE_LABELS, metric);

/**
 * The state counts that matter for a document: sessions when a service keeps them, writes lost and stale
 * reads when a database has replicas, conflicts and lost updates between multi-primary peers, deliveries when there is a message queue, and always the open
 * preset's headline figure. In a fixed order, so the panel does not reshuffle as the document changes.
 */
export function stateMetricsOf(doc: ArchDocument, headline?: HeadlineMetric): StateMetric[] {
  const shown = new Set<StateMetric>();
  for (const node of doc.nodes) {
    if (node.kind === 'service' && node.params.sessions !== undefined) shown.add('sessionsLost');
    if (node.kind === 'database' && (node.params.replicas ?? absentOf(DATABASE_PARAMS, 'replicas')) > 0) {
      shown.add('writesLost');
      shown.add('staleReads');
    }
    if (node.kind === 'queue') {
      shown.add('duplicates');
      shown.add('redeliveries');
      shown.add('deadLettered');
    }
  }
  if (doc.edges.some((edge) => isPeerLink(doc, edge))) {
    shown.add('conflicts');
    shown.add('lostUpdates');
    if (doc.nodes.some((node) => node.kind === 'client' && node.params.readYourWrites === true))
      shown.add('staleReads');
  }
  if (isStateMetric(headline)) shown.add(headline);
  return ORDER.filter((metric) => shown.has(metric));
}
