import { presetText } from './from-preset';

/** Sync vs async replication: what a primary's failure loses. */
export const REPLICATION_LESSON = `${presetText('replication', { sim: 'seed=42 duration=90s' })}
%% @lesson title="Database replication: sync vs async" topic=replication summary="The Orders database waits for its replica before acknowledging a write: slower, nothing lost. The Events database acknowledges at once and copies later: when its primary fails, the writes not yet copied are gone."
%% @step text="Press Play" when=play
%% @step text="Both primaries fail at 60 s" when=event event=fail target=Events
%% @step text="Wait for a replica to be promoted" when=event event=promote
%% @step text="Let the run finish" when=done
%% @question text="How many acknowledged writes were lost?" answer=writes_lost tolerance=10%
`;
