/** Weighted routing and health checks: a hung server keeps getting its weight until the checks time out. */
export const LOAD_BALANCING_LESSON = `---
title: "Weighted routing and health checks"
---
flowchart LR
  Client["Client"] --> LB["Load Balancer"]
  LB -->|"weight 3"| Big["Big server"]
  LB -->|"weight 1"| Small["Small server"]
%% @Client kind=client rate=200/s timeout=1s
%% @LB kind=lb policy=weighted hc_interval=1s hc_timeout=500ms hc_unhealthy=3 hc_healthy=2
%% @Big kind=service workers=12 service=exp(10ms)
%% @Small kind=service workers=4 service=exp(10ms)
%% @LB-->Big weight=3
%% @LB-->Small weight=1
%% @sim seed=42 duration=80s
%% @at 40s fail Big mode=hang
%% @lesson title="Load balancing, health checks and weighted routing" topic=load-balancing summary="The load balancer sends three requests to the big server for each one to the small one. At 40 s the big server hangs: it accepts connections and never answers, so requests wait for the client's timeout until three health checks in a row time out."
%% @step text="Press Play" when=play
%% @step text="Select the Big server: it carries three quarters of the traffic" when=select target=Big
%% @step text="Wait for the big server to hang at 40 s" when=event event=hang target=Big
%% @step text="Watch requests time out until the health checks mark it down" when=event event=hc-down target=Big
%% @question text="How many seconds did the load balancer take to notice the hung server?" answer=detection_s tolerance=20%
`;
