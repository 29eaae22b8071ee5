import { presetText } from './from-preset';

/** Geographic distribution: DNS failover between regions. */
export const GEOGRAPHY_LESSON = `${presetText('two-regions', { sim: 'seed=42 duration=120s' })}
%% @lesson title="Geographic distribution" topic=geography summary="DNS sends users to Region East first. When the whole region fails, users keep their cached answer for the TTL (30 s), then go West and pay the 80 ms round trip across regions."
%% @step text="Press Play" when=play
%% @step text="Region East fails at 60 s" when=event event=fail
%% @step text="Watch for the TTL: 30 seconds of errors" when=wait for=30s
%% @step text="Watch latency settle higher, in West" when=wait for=10s
%% @question text="How many requests failed?" answer=failed tolerance=10%
`;
