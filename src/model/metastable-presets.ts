/**
 * Presets of metastable failures (README "Metastable failures"): systems that a short trigger pushes
 * into a bad state that keeps itself going after the trigger is gone. Each comes with the figure to
 * watch; Twin runs offer its mitigation as a one-click B (src/analysis/twin.ts).
 */

/** Retries multiply the load while a crash lasts, and keep the recovered pool saturated afterwards. */
export const RETRY_STORM = `---
title: "Retry storm that outlives the crash"
---
flowchart LR
  Client["Client"] --> LB["Load Balancer"]
  LB --> S1["Server 1"] & S2["Server 2"]
%% @Client kind=client rate=400/s timeout=200ms retries=3
%% @LB kind=lb policy=round-robin hc_interval=1s hc_unhealthy=2
%% @S1 kind=service workers=3 service=exp(10ms) queue=200
%% @S2 kind=service workers=3 service=exp(10ms) queue=200
%% @sim seed=42 duration=120s
%% @at 30s fail S1
%% @at 45s recover S1
`;

/** A flushed cache sends every request to a database that cannot answer them in time, so nothing refills it. */
export const CACHE_FLUSH = `---
title: "Cache flush that never recovers"
---
flowchart LR
  Client["Client"] --> API["API"]
  API --> Cache["Cache"]
  Cache --> DB[("Database")]
%% @Client kind=client rate=1000/s arrival=ramp ramp=20s timeout=1s retries=2 keys=5000
%% @API kind=service workers=256 service=exp(1ms) queue=1000
%% @Cache kind=cache workers=1024 service=exp(0.5ms) timeout=300ms
%% @DB kind=database workers=4 service=exp(10ms) queue=2000
%% @sim seed=42 duration=120s
%% @at 30s flush Cache
`;

/** A short database slowdown lets entries expire unrefilled; the misses pile onto the database at once. */
export const CACHE_STAMPEDE = `---
title: "Cache stampede after a database latency spike"
---
flowchart LR
  Client["Client"] --> API["API"]
  API --> Cache["Cache"]
  Cache --> DB[("Database")]
%% @Client kind=client rate=1500/s arrival=ramp ramp=20s timeout=1s retries=2 keys=2000
%% @API kind=service workers=256 service=exp(1ms) queue=1000
%% @Cache kind=cache workers=1024 service=exp(0.5ms) ttl=5s timeout=300ms
%% @DB kind=database workers=8 service=exp(5ms) queue=2000 load_latency=linear(1)
%% @sim seed=42 duration=120s
%% @at 30s degrade DB factor=10
%% @at 34s recover DB
`;

/** Work that slows down as more of it runs at once: a burst tips the service past its peak for good. */
export const DEATH_SPIRAL = `---
title: "GC-style death spiral"
---
flowchart LR
  Client["Client"] --> Admission["Admission limiter"]
  Admission --> API["API"]
%% @Client kind=client rate=300/s timeout=1s
%% @Admission kind=limiter limit=1000
%% @API kind=service workers=16 service=exp(2ms) queue=1000 load_latency=exp(3.5)
%% @sim seed=42 duration=120s
%% @at 30s load Client rate=1500/s
%% @at 35s load Client rate=300/s
`;

/** A database losing half its connections holds every API worker; the retries keep it that way. */
export const POOL_EXHAUSTION = `---
title: "Connection-pool exhaustion"
---
flowchart LR
  Client["Client"] --> API["API"]
  API --> DB[("Database")]
%% @Client kind=client rate=800/s timeout=1s retries=2
%% @API kind=service workers=32 service=exp(1ms) queue=5000
%% @DB kind=database workers=8 service=exp(4ms) queue=1000 load_latency=linear(1)
%% @sim seed=42 duration=120s
%% @at 30s degrade DB workers=50%
%% @at 50s recover DB
`;

/** After a burst, a FIFO queue serves requests whose callers gave up long ago: busy, and useless. */
export const STALE_QUEUE = `---
title: "Stale-queue goodput collapse"
---
flowchart LR
  Client["Client"] --> API["API"]
%% @Client kind=client rate=900/s timeout=1s
%% @API kind=service workers=10 service=exp(10ms) queue=inf
%% @sim seed=42 duration=120s
%% @at 30s load Client rate=1500/s
%% @at 40s load Client rate=900/s
`;
