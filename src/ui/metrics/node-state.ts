import { absentOf, DATABASE_PARAMS, DNS_PARAMS } from '../../model/params';
import type { Distribution, NodeSpec } from '../../model/types';
import { formatDurationMs } from '../../model/units';
import type { NodeSecond } from '../../sim/results';
import { formatAgeMs, formatCount, formatSpanMs } from '../format';

/** A region's added latency: "+40 ms" for a constant, "+exp(40ms)" otherwise. */
export function formatAddedLatency(latency: Distribution): string {
  if (latency.type === 'const') return `+${formatSpanMs(latency.valueMs)}`;
  return `+${latency.type}(${formatDurationMs(meanish(latency))})`;
}

const meanish = (d: Distribution): number => {
  switch (d.type) {
    case 'const':
      return d.valueMs;
    case 'exp':
    case 'normal':
    case 'erlang':
      return d.meanMs;
    case 'uniform':
      return (d.minMs + d.maxMs) / 2;
    case 'lognormal':
      return d.medianMs;
    case 'pareto':
      return d.scaleMs;
  }
};

/**
 * The short facts a node's state model adds on the canvas: a queue's backlog and oldest message, a
 * database's replication, a service's session strategy, a DNS node's TTL, a cache's hit ratio and
 * entries, a limiter's limit. Empty for the others.
 */
export function nodeStateTags(node: NodeSpec, second: NodeSecond | undefined): string[] {
  switch (node.kind) {
    case 'queue':
      return [
        `Backlog ${formatCount(second?.backlog ?? 0)}`,
        `oldest ${formatAgeMs(second?.oldestAgeMs ?? 0)}`,
      ];
    case 'database': {
      const replicas = node.params.replicas ?? absentOf(DATABASE_PARAMS, 'replicas');
      if (replicas === 0) return [];
      return [
        `${node.params.replication ?? absentOf(DATABASE_PARAMS, 'replication')} replication`,
        `${replicas} ${replicas === 1 ? 'replica' : 'replicas'}`,
        ...(second?.replicationLagMs !== undefined ? [`lag ${formatAgeMs(second.replicationLagMs)}`] : []),
      ];
    }
    case 'service':
      return node.params.sessions === undefined ? [] : [`${node.params.sessions} sessions`];
    case 'cache':
      return second?.hitRatio === undefined
        ? []
        : [`hit ${Math.round(second.hitRatio * 100)}%`, `${formatCount(second.cacheEntries ?? 0)} entries`];
    case 'limiter':
      return [
        node.params.limit.type === 'rate'
          ? `limit ${node.params.limit.perSec}/s`
          : `limit ${node.params.limit.max} at once`,
      ];
    case 'dns':
      return [
        `TTL ${formatSpanMs(node.params.ttlMs ?? absentOf(DNS_PARAMS, 'ttlMs'))}`,
        node.params.dnsPolicy ?? absentOf(DNS_PARAMS, 'dnsPolicy'),
      ];
    case 'client':
    case 'lb':
      return [];
  }
}
