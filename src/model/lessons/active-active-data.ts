import { presetText } from './from-preset';

/** Active-active data: split-brain between two writable regions, and what reconciling it loses. */
export const ACTIVE_ACTIVE_DATA_LESSON = `${presetText('active-active-regions')}
%% @lesson title="Active-active data: split-brain and lost updates" topic=replication summary="Both regions accept writes and copy them to each other asynchronously. When the link between the databases is cut, each side keeps writing and the copies drift apart. When it heals, every key written on both sides is a conflict: last-writer-wins keeps one write and silently discards the other, a lost update. In Twin runs, try sync replication: nothing is lost, but every write fails while the link is down."
%% @step text="Press Play" when=play
%% @step text="The link between the regions is cut at 60 s" when=event event=partition
%% @step text="Watch the divergent keys climb on the Replication chart" when=wait for=30s
%% @step text="The link heals at 120 s" when=event event=recover
%% @step text="Watch divergence fall back and the conflicts settle" when=wait for=10s
%% @question text="How many updates were lost when the regions reconciled?" answer=lost_updates tolerance=10%
`;
