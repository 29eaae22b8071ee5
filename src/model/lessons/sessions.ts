import { presetText } from './from-preset';

/** Sticky sessions vs a session store. */
export const SESSIONS_LESSON = `${presetText('sessions', { sim: 'seed=42 duration=80s' })}
%% @lesson title="Session management: sticky, replicated, store" topic=sessions summary="Users A keep their session on the server the hash sends them to; users B keep theirs in a Redis store. Both A1 and B1 fail at 60 s. Replicated sessions (sessions=replicated) would survive too, at the price of a copy on every write."
%% @step text="Press Play" when=play
%% @step text="A1 and B1 fail at 60 s" when=event event=fail target=A1
%% @step text="Watch for 10 seconds" when=wait for=10s
%% @question text="How many sessions were lost?" answer=sessions_lost tolerance=10%
`;
