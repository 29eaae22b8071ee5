import { presetText } from './from-preset';

/** Message queues: buffering, redelivery and duplicates. */
export const QUEUES_LESSON = `${presetText('message-queue', { sim: 'seed=42 duration=120s' })}
%% @lesson title="Message queues: buffering, redelivery, duplicates" topic=queues summary="Producers get an ack as soon as the queue holds the message. When a consumer crashes, the queue buffers the surplus, and the messages it held come back after the visibility timeout: delivered again, sometimes twice."
%% @step text="Press Play" when=play
%% @step text="Server 1 crashes at 60 s" when=event event=fail target=Server1
%% @step text="Watch the backlog grow past 500 messages" when=metric metric=backlog above=500
%% @step text="Server 1 recovers at 100 s: watch the backlog drain" when=event event=recover target=Server1
%% @question text="How many messages were delivered again?" answer=redeliveries tolerance=10%
`;
