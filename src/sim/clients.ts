import { absentOf, CLIENT_PARAMS } from '../model/params';
import type { ClientParams } from '../model/types';
import type { RandomStream } from './random';
import { DEFAULT_USERS, type Topology } from './topology';
import type { NodeIx } from './indices';

const DEFAULT_BURST_ON_MS = absentOf(CLIENT_PARAMS, 'burstOnMs');
const DEFAULT_BURST_OFF_MS = absentOf(CLIENT_PARAMS, 'burstOffMs');
const DEFAULT_RAMP_MS = absentOf(CLIENT_PARAMS, 'rampMs');
const DEFAULT_BREAKER_OPEN_MS = absentOf(CLIENT_PARAMS, 'breakerOpenMs');
const DEFAULT_WRITES = absentOf(CLIENT_PARAMS, 'writes');
const DEFAULT_BACKOFF_MS = absentOf(CLIENT_PARAMS, 'backoffMs');
const DEFAULT_BREAKER_ERRORS = absentOf(CLIENT_PARAMS, 'breakerErrors');
/** A retry budget starts with, and never holds less room than, this many retries. */
const BUDGET_FLOOR = 10;

const Breaker = { closed: 0, open: 1, halfOpen: 2 } as const;

/**
 * The state of every traffic source: its arrival process (DESIGN.md §3: Poisson, constant, on/off bursts,
 * a linear ramp), its retry budget, and its circuit breaker. The engine asks; this class keeps the books.
 */
export class Clients {
  /** Current rate per client, changed by `load` steps. */
  readonly ratePerSec: Float64Array;
  private readonly budget: Float64Array;
  private readonly breaker: Int32Array;
  private readonly breakerUntil: Float64Array;
  private readonly failStreak: Int32Array;
  private readonly trialOut: Uint8Array;
  /**
   * Per-request parameters read into typed arrays once: the parameter objects of different clients have
   * different shapes (optional keys), and reading them per request made those reads polymorphic.
   */
  /** 1 for clients with Poisson arrivals (ClientRequests draws those itself). */
  readonly poisson: Uint8Array;
  /** Client timeout per attempt (Infinity: none). */
  readonly timeoutMs: Float64Array;
  /** Retry budget share per request; NaN when the client has no budget. */
  private readonly retryBudget: Float64Array;
  /** Consecutive failures that open the breaker; 0: no breaker. */
  private readonly breakerErrors: Float64Array;

  constructor(private readonly topology: Topology) {
    const n = topology.nodeIds.length;
    this.ratePerSec = Float64Array.from(topology.client, (c) => c?.ratePerSec ?? 0);
    this.budget = new Float64Array(n).fill(BUDGET_FLOOR);
    this.breaker = new Int32Array(n);
    this.breakerUntil = new Float64Array(n);
    this.failStreak = new Int32Array(n);
    this.trialOut = new Uint8Array(n);
    this.poisson = Uint8Array.from(topology.client, (c) => (c?.arrival === 'poisson' ? 1 : 0));
    this.timeoutMs = Float64Array.from(topology.client, (c) => c?.timeoutMs ?? Infinity);
    this.retryBudget = Float64Array.from(topology.client, (c) => c?.retryBudget ?? NaN);
    this.breakerErrors = Float64Array.from(
      topology.client,
      (c) => c?.breakerErrors ?? DEFAULT_BREAKER_ERRORS,
    );
  }

  /** The time of the client's next request after `nowMs` (Infinity when it sends nothing). */
  nextArrivalMs(client: NodeIx, nowMs: number): number {
    const params = this.topology.client[client] as ClientParams;
    const perMs = (this.ratePerSec[client] as number) / 1000;
    if (!(perMs > 0)) return Infinity;
    const rng = this.topology.arrivalRng[client] as RandomStream;
    switch (params.arrival) {
      case 'constant':
        return nowMs + 1 / perMs;
      case 'bursty':
        return nextInBursts(
          nowMs,
          -Math.log(rng.nextOpenZero()) / perMs,
          params.burstOnMs ?? DEFAULT_BURST_ON_MS,
          params.burstOffMs ?? DEFAULT_BURST_OFF_MS,
        );
      case 'ramp':
        return nextOnRamp(nowMs, -Math.log(rng.nextOpenZero()), perMs, params.rampMs ?? DEFAULT_RAMP_MS);
      case 'poisson':
        return nowMs - Math.log(rng.nextOpenZero()) / perMs;
      case 'closed':
        return Infinity; // a closed population's users send on their own clock (client-requests.ts)
    }
  }

  /** The user a new request comes from, in the user space shared by all clients (0 when nobody asks). */
  userOf(client: NodeIx): number {
    if (!this.topology.usersMatter) return 0;
    const users = (this.topology.client[client] as ClientParams).users ?? DEFAULT_USERS;
    return (
      (this.topology.userOffset[client] as number) +
      Math.floor((this.topology.choiceRng[client] as RandomStream).next() * users)
    );
  }

  /** Whether a new request writes (drawn only when something counts writes). */
  writes(client: NodeIx): boolean {
    if (!this.topology.usersMatter) return false;
    const share = (this.topology.client[client] as ClientParams).writes ?? DEFAULT_WRITES;
    return (this.topology.choiceRng[client] as RandomStream).next() < share;
  }

  /** Each request adds `retryBudget` to the client's budget (Finagle-style), up to ten seconds' worth. */
  deposit(client: NodeIx): void {
    const share = this.retryBudget[client] as number;
    if (Number.isNaN(share)) return;
    const cap = BUDGET_FLOOR + share * (this.ratePerSec[client] as number) * 10;
    this.budget[client] = Math.min(cap, (this.budget[client] as number) + share);
  }

  /** Whether a retry may be sent now; spends from the budget when there is one. */
  mayRetry(client: NodeIx): boolean {
    if (Number.isNaN(this.retryBudget[client] as number)) return true;
    if ((this.budget[client] as number) < 1) return false;
    this.budget[client] = (this.budget[client] as number) - 1;
    return true;
  }

  /** Full-jitter exponential backoff before retry number `attempt` (1-based). */
  backoffMs(client: NodeIx, attempt: number): number {
    const base = (this.topology.client[client] as ClientParams).backoffMs ?? DEFAULT_BACKOFF_MS;
    if (base <= 0) return 0;
    return (this.topology.choiceRng[client] as RandomStream).next() * base * 2 ** (attempt - 1);
  }

  /** Whether the circuit breaker lets an attempt through now (a half-open breaker lets one trial out). */
  breakerAdmits(client: NodeIx, nowMs: number): boolean {
    const state = this.breaker[client];
    if (state === Breaker.closed) return true;
    if (state === Breaker.open) {
      if (nowMs < (this.breakerUntil[client] as number)) return false;
      this.breaker[client] = Breaker.halfOpen;
    }
    if (this.trialOut[client]) return false;
    this.trialOut[client] = 1;
    return true;
  }

  /** Records an attempt's outcome; returns 'open' or 'close' when the breaker changes state. */
  breakerRecord(client: NodeIx, ok: boolean, nowMs: number): 'open' | 'close' | null {
    const threshold = this.breakerErrors[client] as number;
    if (threshold <= 0) return null;
    const state = this.breaker[client];
    if (state === Breaker.halfOpen && this.trialOut[client]) {
      this.trialOut[client] = 0;
      if (ok) {
        this.breaker[client] = Breaker.closed;
        this.failStreak[client] = 0;
        return 'close';
      }
      return this.open(client, nowMs);
    }
    if (state !== Breaker.closed) return null;
    if (ok) {
      this.failStreak[client] = 0;
      return null;
    }
    this.failStreak[client] = (this.failStreak[client] as number) + 1;
    return (this.failStreak[client] as number) >= threshold ? this.open(client, nowMs) : null;
  }

  private open(client: NodeIx, nowMs: number): 'open' {
    this.breaker[client] = Breaker.open;
    this.breakerUntil[client] =
      nowMs + ((this.topology.client[client] as ClientParams).breakerOpenMs ?? DEFAULT_BREAKER_OPEN_MS);
    this.failStreak[client] = 0;
    return 'open';
  }
}

/**
 * On/off arrivals: a Poisson process at the client's rate that runs only during on periods. `gapMs` is an
 * exponential gap measured in on-time; it is laid out over the calendar, skipping off periods.
 */
export function nextInBursts(nowMs: number, gapMs: number, onMs: number, offMs: number): number {
  const cycle = onMs + offMs;
  let atMs = nowMs;
  let gap = gapMs;
  let phase = atMs % cycle;
  if (phase >= onMs) {
    atMs += cycle - phase;
    phase = 0;
  }
  const leftInOn = onMs - phase;
  if (gap < leftInOn) return atMs + gap;
  gap -= leftInOn;
  atMs += leftInOn + offMs;
  const wholeCycles = Math.floor(gap / onMs);
  return atMs + wholeCycles * cycle + (gap - wholeCycles * onMs);
}

/**
 * A linear ramp from 0 to `perMs` over `rampMs`, then flat: a non-homogeneous Poisson process sampled by
 * inverting its cumulative intensity Λ(t) at Λ(now) + E, with E a unit exponential.
 */
export function nextOnRamp(nowMs: number, unitExp: number, perMs: number, rampMs: number): number {
  const cumulative = (ms: number) =>
    ms < rampMs ? (perMs * ms * ms) / (2 * rampMs) : (perMs * rampMs) / 2 + perMs * (ms - rampMs);
  const target = cumulative(nowMs) + unitExp;
  const atRampEnd = (perMs * rampMs) / 2;
  return target < atRampEnd
    ? Math.sqrt((2 * rampMs * target) / perMs)
    : rampMs + (target - atRampEnd) / perMs;
}
