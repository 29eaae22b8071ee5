/**
 * The preset gallery (issue "Data, sessions and queues"): each preset is a Mermaid document with
 * annotations, as a team would keep it in a README, plus one sentence on what to try and what to watch,
 * and the headline figure the page should show for it. The first is also available as a ready document
 * (presets.ts) so that the app opens without loading mermaid.
 */
import {
  CACHE_FLUSH,
  CACHE_STAMPEDE,
  DEATH_SPIRAL,
  POOL_EXHAUSTION,
  RETRY_STORM,
  STALE_QUEUE,
} from './metastable-presets';

/** A run total a preset is about, shown prominently when the preset is open. */
export type HeadlineMetric =
  'failed' | 'writesLost' | 'sessionsLost' | 'redeliveries' | 'staleReads' | 'lostUpdates';

export interface GalleryPreset {
  readonly id: string;
  readonly title: string;
  /** One sentence: what to try, what to watch. */
  readonly lesson: string;
  readonly headline: HeadlineMetric;
  readonly mermaid: string;
  /**
   * The twin-run variant (src/analysis/twin.ts) that mitigates the preset's failure, offered as B in one
   * click (absent: none in particular).
   */
  readonly mitigation?: string;
}

const ACTIVE_ACTIVE = `---
title: "Active-Active behind a load balancer"
---
flowchart LR
  Client["Client"] --> LoadBalancer["Load Balancer"]
  LoadBalancer --> Server1["Server 1"]
  LoadBalancer --> Server2["Server 2"]
  Server1 --> DB[("Database")]
  Server2 --> DB
  subgraph Servers["Active-active pool"]
    Server1
    Server2
  end
  classDef failed fill:#f9f,stroke:#333,stroke-width:2px
  classDef active fill:#ccf,stroke:#333,stroke-width:2px
  class Server1,Server2 active
%% @Client kind=client rate=400/s timeout=2s
%% @LoadBalancer kind=lb policy=round-robin hc_interval=2s hc_unhealthy=3 hc_healthy=2
%% @Server1 kind=service workers=6 service=exp(10ms) queue=200
%% @Server2 kind=service workers=6 service=exp(10ms) queue=200
%% @DB kind=database workers=16 service=exp(2ms)
%% @sim seed=42 duration=300s
%% @at 60s fail Server1
%% @at 120s recover Server1
`;

const ACTIVE_PASSIVE = `---
title: "Active-Passive with promotion delay"
---
flowchart LR
  Client["Client"] --> LB["Load Balancer"]
  LB --> Primary["Primary server"]
  LB -.->|standby| Standby["Standby server"]
  Primary --> DB[("Database")]
  Standby --> DB
%% @Client kind=client rate=300/s timeout=2s
%% @LB kind=lb mode=active-passive promote=10s hc_interval=2s hc_unhealthy=3
%% @LB-->Standby backup=true
%% @Primary kind=service workers=8 service=exp(10ms)
%% @Standby kind=service workers=8 service=exp(10ms)
%% @DB kind=database workers=16 service=exp(2ms)
%% @sim seed=42 duration=180s
%% @at 60s fail Primary
`;

const MESSAGE_QUEUE = `---
title: "Message queue between clients and servers"
---
flowchart LR
  Client["Client"] --> Queue["Message Queue"]
  Queue --> Server1["Server 1"]
  Queue --> Server2["Server 2"]
  Server1 --> DB[("Database")]
  Server2 --> DB
  classDef active fill:#ccf,stroke:#333,stroke-width:2px
  class Server1,Server2 active
%% @Client kind=client rate=300/s
%% @Queue kind=queue visibility=10s max_attempts=5
%% @Server1 kind=service workers=4 service=exp(20ms)
%% @Server2 kind=service workers=4 service=exp(20ms)
%% @DB kind=database workers=16 service=exp(2ms)
%% @sim seed=42 duration=180s
%% @at 60s fail Server1
%% @at 100s recover Server1
`;

const REPLICATION = `---
title: "Sync vs async database replication"
---
flowchart LR
  Client["Client"] --> API["API"]
  API --> Orders[("Orders DB (sync)")]
  API --> Events[("Events DB (async)")]
%% @Client kind=client rate=200/s writes=50%
%% @API kind=service workers=32 service=exp(5ms)
%% @Orders kind=database workers=16 service=exp(2ms) replicas=1 replication=sync lag=exp(20ms)
%% @Events kind=database workers=16 service=exp(2ms) replicas=1 replication=async lag=exp(200ms)
%% @sim seed=42 duration=120s
%% @at 60s fail Orders
%% @at 60s fail Events
`;

const SESSIONS = `---
title: "Sticky sessions vs a session store"
---
flowchart LR
  UsersA["Users A"] --> LBA["LB (sticky)"]
  LBA --> A1["Server A1"] & A2["Server A2"]
  UsersB["Users B"] --> LBB["LB (any)"]
  LBB --> B1["Server B1"] & B2["Server B2"]
  B1 & B2 --> Store[("Redis session store")]
  subgraph Sticky["Sessions on the servers"]
    A1
    A2
  end
  subgraph Stored["Sessions in a store"]
    B1
    B2
  end
%% @UsersA kind=client rate=200/s users=500
%% @UsersB kind=client rate=200/s users=500
%% @LBA kind=lb policy=hash
%% @LBB kind=lb policy=round-robin
%% @A1 kind=service sessions=sticky
%% @A2 kind=service sessions=sticky
%% @B1 kind=service sessions=store
%% @B2 kind=service sessions=store
%% @Store kind=cache
%% @sim seed=42 duration=120s
%% @at 60s fail A1
%% @at 60s fail B1
`;

const TWO_REGIONS = `---
title: "Two regions behind DNS"
---
flowchart LR
  Users["Users"] --> DNS["DNS"]
  DNS --> LBEast["LB East"]
  DNS --> LBWest["LB West"]
  subgraph East["Region East"]
    LBEast --> E1["Server E1"] & E2["Server E2"]
  end
  subgraph West["Region West"]
    LBWest --> W1["Server W1"] & W2["Server W2"]
  end
%% @Users kind=client rate=200/s timeout=1s
%% @DNS kind=dns ttl=30s policy=failover
%% @West latency=const(40ms)
%% @sim seed=42 duration=240s
%% @at 60s fail East
`;

const ACTIVE_ACTIVE_REGIONS = `---
title: "Active-active across two regions"
---
flowchart LR
  UsersEast["Users (East)"] --> DNS["DNS"]
  UsersWest["Users (West)"] --> DNS
  DNS --> LBEast["LB East"]
  DNS --> LBWest["LB West"]
  subgraph East["Region East"]
    UsersEast
    LBEast --> E1["Server E1"] & E2["Server E2"]
    E1 & E2 --> DBEast[("DB East")]
  end
  subgraph West["Region West"]
    UsersWest
    LBWest --> W1["Server W1"] & W2["Server W2"]
    W1 & W2 --> DBWest[("DB West")]
  end
  DBEast <--> DBWest
%% @UsersEast kind=client rate=200/s timeout=1s writes=30% keys=5000 read_your_writes=true
%% @UsersWest kind=client rate=200/s timeout=1s writes=30% keys=5000 read_your_writes=true
%% @DNS kind=dns ttl=30s policy=latency
%% @DBEast<-->DBWest replication=async lag=exp(80ms) conflict=lww
%% @sim seed=42 duration=180s
%% @at 60s partition DBEast-->DBWest
%% @at 120s recover DBEast-->DBWest
`;

/** Metastable failures (README "Metastable failures"): a trigger, then a bad state that sustains itself. */
const METASTABLE: readonly GalleryPreset[] = [
  {
    id: 'retry-storm',
    title: 'Retry storm that outlives the crash',
    lesson:
      'Server 1 crashes at 30 s and is back at 45 s: watch goodput stay at zero long after, as three retries per request keep both servers busy with work nobody waits for.',
    headline: 'failed',
    mermaid: RETRY_STORM,
    mitigation: 'Client:retry_budget',
  },
  {
    id: 'cache-flush',
    title: 'Cache flush that never recovers',
    lesson:
      'The cache is flushed at 30 s: watch goodput stay near zero, as every miss waits in a database queue longer than the cache’s 300 ms timeout and never refills its entry.',
    headline: 'failed',
    mermaid: CACHE_FLUSH,
    mitigation: 'DB:max_wait',
  },
  {
    id: 'cache-stampede',
    title: 'Cache stampede after a database latency spike',
    lesson:
      'The database is ten times slower for 4 s from 30 s: watch entries expire unrefilled and the misses stampede onto the database, which never catches up.',
    headline: 'failed',
    mermaid: CACHE_STAMPEDE,
    mitigation: 'DB:max_wait',
  },
  {
    id: 'death-spiral',
    title: 'GC-style death spiral',
    lesson:
      'A 5 s burst hits at 30 s: watch the API stay past its peak for good, its work slower the more of it runs at once (load_latency).',
    headline: 'failed',
    mermaid: DEATH_SPIRAL,
    mitigation: 'Admission:admission',
  },
  {
    id: 'pool-exhaustion',
    title: 'Connection-pool exhaustion',
    lesson:
      'The database loses half its workers from 30 s to 50 s: watch every API worker wait on it, and the retries keep the pool exhausted after it is whole again.',
    headline: 'failed',
    mermaid: POOL_EXHAUSTION,
    mitigation: 'Client:retry_budget',
  },
  {
    id: 'stale-queue',
    title: 'Stale-queue goodput collapse',
    lesson:
      'A 10 s burst hits at 30 s: watch the API stay 100% busy for a minute serving requests whose clients already gave up (wasted work), with almost no goodput.',
    headline: 'failed',
    mermaid: STALE_QUEUE,
    mitigation: 'API:lifo',
  },
];

export const GALLERY: readonly GalleryPreset[] = [
  {
    id: 'active-active',
    title: 'Active-Active behind a load balancer',
    lesson:
      'Server 1 fails at 60 s: watch requests fail until the health checks notice, then Server 2 carry everything at higher latency.',
    headline: 'failed',
    mermaid: ACTIVE_ACTIVE,
  },
  {
    id: 'active-passive',
    title: 'Active-Passive with promotion delay',
    lesson:
      'The primary fails at 60 s: every request fails through detection and the 10 s promotion before the standby takes over.',
    headline: 'failed',
    mermaid: ACTIVE_PASSIVE,
  },
  {
    id: 'message-queue',
    title: 'Message queue between clients and servers',
    lesson:
      'Server 1 crashes at 60 s: clients never notice, but the backlog grows and its in-flight messages are redelivered after the visibility timeout.',
    headline: 'redeliveries',
    mermaid: MESSAGE_QUEUE,
  },
  {
    id: 'replication',
    title: 'Sync vs async database replication',
    lesson:
      'Both primaries fail at 60 s: the async database loses its unreplicated writes, the sync one loses none but pays the lag on every write.',
    headline: 'writesLost',
    mermaid: REPLICATION,
  },
  {
    id: 'sessions',
    title: 'Sticky sessions vs a session store',
    lesson: 'A1 and B1 fail at 60 s: users on A1 lose their sessions, users on B1 keep theirs in the store.',
    headline: 'sessionsLost',
    mermaid: SESSIONS,
  },
  {
    id: 'two-regions',
    title: 'Two regions behind DNS',
    lesson:
      'Region East fails at 60 s: users keep going there until DNS notices and their cached answers expire, then pay 80 ms more to West.',
    headline: 'failed',
    mermaid: TWO_REGIONS,
  },
  {
    id: 'active-active-regions',
    title: 'Active-active across two regions',
    lesson:
      'The link between the regions’ databases is cut from 60 s to 120 s: both keep taking writes and drift apart, and on heal each key written on both sides is a conflict that loses an update.',
    headline: 'lostUpdates',
    mermaid: ACTIVE_ACTIVE_REGIONS,
  },

  ...METASTABLE,
];
