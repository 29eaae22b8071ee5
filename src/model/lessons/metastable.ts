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
