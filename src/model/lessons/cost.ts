/** Cost: what a second server costs per request served. */
export const COST_LESSON = `---
title: "What availability costs"
---
flowchart LR
  Client["Client"] --> LB["Load Balancer"]
  LB --> S1["Server 1"] & S2["Server 2"]
  S1 & S2 --> DB[("Database")]
%% @Client kind=client rate=300/s timeout=2s cost=0
%% @LB kind=lb cost=0.03
%% @S1 kind=service workers=8 service=exp(10ms) cost=0.2
%% @S2 kind=service workers=8 service=exp(10ms) cost=0.2
%% @DB kind=database workers=16 service=exp(2ms) cost=0.5
%% @sim seed=42 duration=60s
%% @at 30s fail S1
%% @lesson title="Cost of high availability" topic=cost summary="Each node has a cost per hour (cost=). The second server doubles the servers' bill and, when Server 1 fails, keeps the service up: the price per million successful requests shows both sides."
%% @step text="Select the Database: with cost=0.5/h it is the priciest node" when=select target=DB
%% @step text="Press Play" when=play
%% @step text="Server 1 fails at 30 s; let the run finish" when=done
%% @question text="What did a million successful requests cost (in the currency of cost=)?" answer=cost_per_million tolerance=10%
`;
