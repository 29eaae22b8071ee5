/// <reference lib="webworker" />
import type { FromAnalysis, ToAnalysis } from './analysis-protocol';
import { runAnalysisJob } from './analysis-jobs';

/** The analysis worker: a thin shell that runs one job per message and posts its result. */
declare const self: DedicatedWorkerGlobalScope;

self.onmessage = (message: MessageEvent<ToAnalysis>) => {
  const { job, spec } = message.data;
  let reply: FromAnalysis;
  try {
    reply = { type: 'done', job, result: runAnalysisJob(spec) };
  } catch (error) {
    reply = { type: 'error', job, message: error instanceof Error ? error.message : String(error) };
  }
  self.postMessage(reply);
};
