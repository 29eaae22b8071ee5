/**
 * The lesson gallery: one or more lessons per topic of the seed article. Each lesson is a Mermaid
 * document with `%% @lesson`, `%% @step` and `%% @question` lines (README.md, "Lessons"), parsed like any
 * other document, so a trainer writes one the same way and shares it by link.
 */
import type { LessonTopic } from '../lesson-types';
import { ACTIVE_ACTIVE_LESSON } from './active-active';
import { ACTIVE_ACTIVE_DATA_LESSON } from './active-active-data';
import { COST_LESSON } from './cost';
import { FAILOVER_LESSON } from './failover';
import { GEOGRAPHY_LESSON } from './geography';
import { LOAD_BALANCING_LESSON } from './load-balancing';
import { MONITORING_LESSON } from './monitoring';
import { QUEUES_LESSON } from './queues';
import { REPLICATION_LESSON } from './replication';
import {
  CACHE_FLUSH_LESSON,
  CACHE_STAMPEDE_LESSON,
  DEATH_SPIRAL_LESSON,
  POOL_EXHAUSTION_LESSON,
  RETRY_STORM_LESSON,
  STALE_QUEUE_LESSON,
} from './metastable';
import { SESSIONS_LESSON } from './sessions';

export interface LessonSource {
  readonly id: string;
  readonly topic: LessonTopic;
  readonly mermaid: string;
}

/** In the article's order; the first is the one the welcome card starts. */
export const LESSONS: readonly LessonSource[] = [
  { id: 'failover', topic: 'failover', mermaid: FAILOVER_LESSON },
  { id: 'active-active', topic: 'active-active', mermaid: ACTIVE_ACTIVE_LESSON },
  { id: 'load-balancing', topic: 'load-balancing', mermaid: LOAD_BALANCING_LESSON },
  { id: 'replication', topic: 'replication', mermaid: REPLICATION_LESSON },
  { id: 'active-active-data', topic: 'replication', mermaid: ACTIVE_ACTIVE_DATA_LESSON },
  { id: 'sessions', topic: 'sessions', mermaid: SESSIONS_LESSON },
  { id: 'queues', topic: 'queues', mermaid: QUEUES_LESSON },
  { id: 'monitoring', topic: 'monitoring', mermaid: MONITORING_LESSON },
  { id: 'geography', topic: 'geography', mermaid: GEOGRAPHY_LESSON },
  { id: 'cost', topic: 'cost', mermaid: COST_LESSON },
  { id: 'retry-storm', topic: 'metastable', mermaid: RETRY_STORM_LESSON },
  { id: 'cache-flush', topic: 'metastable', mermaid: CACHE_FLUSH_LESSON },
  { id: 'cache-stampede', topic: 'metastable', mermaid: CACHE_STAMPEDE_LESSON },
  { id: 'death-spiral', topic: 'metastable', mermaid: DEATH_SPIRAL_LESSON },
  { id: 'pool-exhaustion', topic: 'metastable', mermaid: POOL_EXHAUSTION_LESSON },
  { id: 'stale-queue', topic: 'metastable', mermaid: STALE_QUEUE_LESSON },
];

/** Topic names as the article puts them. */
export const TOPIC_LABELS: Readonly<Record<LessonTopic, string>> = {
  'active-active': 'Active-active vs active-passive',
  'load-balancing': 'Load balancing and health checks',
  failover: 'Failover and detection',
  replication: 'Database replication',
  sessions: 'Session management',
  queues: 'Message queues',
  monitoring: 'Monitoring and alerting',
  geography: 'Geographic distribution',
  cost: 'Cost',
  metastable: 'Metastable failures',
};
