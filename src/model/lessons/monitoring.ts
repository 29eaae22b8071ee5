import { presetText } from './from-preset';

/** Monitoring and alerting: how long an alert takes to fire after a failure. */
export const MONITORING_LESSON = `${presetText('active-active', { sim: 'seed=42 duration=100s' })}
%% @alert errors metric=error_rate threshold=1% for=3s
%% @lesson title="Monitoring and alerting" topic=monitoring summary="An alert fires when the error rate stays above 1% for 3 seconds. Time to detect is the time from the fault to the alert: the health checks' window, plus the alert's own window."
%% @step text="Open the Mermaid source and find the @alert line" when=panel panel=source
%% @step text="Press Play" when=play
%% @step text="Wait for the alert to fire after Server 1 fails" when=event event=alert-firing target=errors
%% @step text="Wait for it to resolve" when=event event=alert-resolved target=errors
%% @question text="How many seconds after the failure did the alert fire?" answer=alert_after_s tolerance=20%
`;
