import { presetText } from './from-preset';

/** Failover and its detection window: the learner fails Server 1 and counts what the window costs. */
export const FAILOVER_LESSON = `${presetText('active-active', { keepScenario: false, sim: 'seed=42 duration=120s' })}
%% @lesson title="Failover and its detection window" topic=failover summary="Health checks probe each server every 2 s and mark it down after 3 failures in a row. Until then the load balancer keeps sending Server 1 its share of the traffic: every request it gets fails. That gap is the detection window."
%% @step text="Press Play to start the traffic" when=play
%% @step text="Select Server 1 on the canvas" when=select target=Server1
%% @step text="Fail Server 1 (press F, or the Fail button in the Inspector)" when=fail target=Server1
%% @step text="Watch the error rate until the load balancer marks Server 1 down" when=event event=hc-down target=Server1
%% @step text="Watch the error rate for the next 6 seconds: Server 2 now carries everything" when=wait for=6s
%% @step text="Recover Server 1 (press R, or the Recover button)" when=recover target=Server1
%% @question text="How many requests failed between the crash and the load balancer noticing it?" answer=window_failed tolerance=10%
`;
