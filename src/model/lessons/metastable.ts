import { presetText } from './from-preset';

/** A retry storm that outlives its trigger (README "Metastable failures"). */
export const RETRY_STORM_LESSON = `${presetText('retry-storm', { sim: 'seed=42 duration=90s' })}
%% @lesson title="A retry storm that outlives the crash" topic=metastable summary="Each server handles 300 requests/s; together they carry 400/s easily. While Server 1 is down, Server 2 alone falls behind, requests time out at 200 ms and each is retried three times. When Server 1 comes back, the retries alone exceed what both servers can do: every request waits in a queue longer than its timeout, so the system stays down with its trigger gone."
%% @step text="Press Play" when=play
%% @step text="Server 1 crashes at 30 s: watch attempts/s climb above requests/s" when=event event=fail target=S1
%% @step text="Server 1 recovers at 45 s: does goodput come back?" when=event event=recover target=S1
%% @step text="Watch for 15 more seconds: both servers are up, busy, and almost nothing succeeds" when=wait for=15s
%% @question text="How many requests have failed so far?" answer=failed tolerance=10%
`;

/** A stale queue: busy, and no goodput (README "Metastable failures"). */
export const STALE_QUEUE_LESSON = `${presetText('stale-queue', { sim: 'seed=42 duration=90s' })}
%% @lesson title="A stale queue: 100% busy, no goodput" topic=metastable summary="The API serves 1000 requests/s and gets 900/s. A 10 s burst at 1500/s leaves 5000 requests queued: 5 s of work, while clients give up after 1 s. From then on the API serves, first in first out, requests nobody waits for any more: its completions are wasted work until the queue has drained. LIFO order or max_wait would serve the fresh requests instead."
%% @step text="Press Play" when=play
%% @step text="The burst starts at 30 s" when=event event=load target=Client
%% @step text="The load is back to 900/s at 40 s: watch wasted/s stay high in the Throughput chart" when=event event=load target=Client
%% @step text="Watch for 10 more seconds" when=wait for=10s
%% @question text="How many completions of the API were wasted so far?" answer=wasted tolerance=10%
`;

/** A flushed cache that never refills (README "Metastable failures"). */
export const CACHE_FLUSH_LESSON = `${presetText('cache-flush', { sim: 'seed=42 duration=90s' })}
%% @lesson title="A cache flush that never recovers" topic=metastable summary="The API answers 1000 requests/s from a cache of 5000 keys; only misses reach the database, whose 4 workers at 10 ms serve 400/s. At 30 s the cache is flushed: every request misses, the misses and their retries wait in the database's queue longer than the cache's 300 ms timeout, and a miss that times out fills no entry. The hit ratio stays near zero with the trigger long gone. max_wait on the database serves fewer misses, in time, and each refills its entry."
%% @step text="Press Play" when=play
%% @step text="Select the Cache: its hit ratio climbs while the load ramps up" when=select target=Cache
%% @step text="The cache is flushed at 30 s: does its hit ratio come back?" when=event event=flush target=Cache
%% @step text="Watch for 20 more seconds: the database is busy and the cache stays empty" when=wait for=20s
%% @question text="What is the availability of the run so far, in percent?" answer=availability tolerance=5%
`;

/** A short database slowdown turns into a stampede of misses (README "Metastable failures"). */
export const CACHE_STAMPEDE_LESSON = `${presetText('cache-stampede', { sim: 'seed=42 duration=90s' })}
%% @lesson title="A cache stampede after a database latency spike" topic=metastable summary="Each of 2000 keys stays cached for 5 s, so of 1500 requests/s only about 300 miss and reach the database, which serves about 800/s at full load. At 30 s it is ten times slower for 4 s: misses time out and expired entries are not refilled, so when it is back every request misses at once. Those misses queue longer than the cache's timeout, none refills its entry, and the stampede goes on. max_wait on the database lets the misses it can serve refill the cache."
%% @step text="Press Play" when=play
%% @step text="The database is ten times slower from 30 s" when=event event=degrade target=DB
%% @step text="It is back to normal at 34 s: does the cache refill?" when=event event=recover target=DB
%% @step text="Watch for 15 more seconds: select the Cache and watch its hit ratio" when=wait for=15s
%% @question text="How many requests have failed so far?" answer=failed tolerance=10%
`;

/** Work that slows down with load, pushed past its peak by a burst (README "Metastable failures"). */
export const DEATH_SPIRAL_LESSON = `${presetText('death-spiral', { sim: 'seed=42 duration=90s' })}
%% @lesson title="A GC-style death spiral" topic=metastable summary="The API has 16 workers at 2 ms, but load_latency=exp(3.5) makes its work e^(3.5·u) times slower, u the share of busy workers: like a garbage collector, the busier it is, the slower it works. With every worker busy it serves 240 requests/s, less than the 300/s it gets. A 5 s burst at 1500/s fills its queue: from then on every worker stays busy, requests wait past their 1 s timeout, and the queue never drains. Admitting at most 16/3.5 = 5 at once keeps the API at its peak."
%% @step text="Press Play" when=play
%% @step text="Select the API: at 300 requests/s its utilization is low" when=select target=API
%% @step text="The burst starts at 30 s" when=event event=load target=Client
%% @step text="The load is back to 300/s at 35 s: watch the API's utilization stay at 100%" when=event event=load target=Client
%% @step text="Watch for 15 more seconds: the API is busy and almost nothing succeeds" when=wait for=15s
%% @question text="What is the availability of the run so far, in percent?" answer=availability tolerance=5%
`;

/** Every API worker held by a slow database, kept so by retries (README "Metastable failures"). */
export const POOL_EXHAUSTION_LESSON = `${presetText('pool-exhaustion', { sim: 'seed=42 duration=120s' })}
%% @lesson title="Connection-pool exhaustion" topic=metastable summary="Each API request holds one of the API's 32 workers while it waits on the database (8 workers at 4 ms, slower under load: about 1000 requests/s at most). From 30 s to 50 s the database has half its workers: every API worker waits on it, requests time out after 1 s and are retried twice. Once it is whole again the retries alone ask more than it can do, and it completes work for callers that have given up. A retry budget (a tenth of the requests) lets the queue drain."
%% @step text="Press Play" when=play
%% @step text="The database loses half its workers at 30 s: select the API and watch its utilization" when=event event=degrade target=DB
%% @step text="The database is whole again at 50 s" when=event event=recover target=DB
%% @step text="Watch for 20 more seconds: both are busy and almost nothing succeeds" when=wait for=20s
%% @question text="How many completions were wasted so far (work finished for callers that had given up)?" answer=wasted tolerance=10%
`;
