import { presetText } from './from-preset';

/** Active-active: both servers take traffic, so losing one costs only the detection window. */
export const ACTIVE_ACTIVE_LESSON = `${presetText('active-active', { sim: 'seed=42 duration=100s' })}
%% @lesson title="Active-active vs active-passive" topic=active-active summary="Both servers take traffic all the time. When one fails, the other already runs hot and warm: no promotion, only the detection window. Compare with the active-passive preset, where the standby waits for a promotion."
%% @step text="Press Play" when=play
%% @step text="Server 1 fails at 60 s: watch the error rate jump" when=event event=fail target=Server1
%% @step text="Wait for the load balancer to mark Server 1 down" when=event event=hc-down target=Server1
%% @step text="Watch Server 2 carry everything for 10 seconds, at higher latency" when=wait for=10s
%% @question text="How many requests failed in the whole run?" answer=failed tolerance=10%
`;
