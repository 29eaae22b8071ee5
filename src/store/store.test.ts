import { beforeEach, describe, expect, it } from 'vitest';
import { ACTIVE_ACTIVE } from '../model/presets';
import type { WorkerParams } from '../model/types';
import type { LiveSnapshot, RunTotals, SecondRow, SimEvent } from '../sim/results';
import type { Batch, ToWorker } from '../worker/protocol';
import { packRows } from '../worker/row-packing';
import { selectNodeHealth } from './selectors';
import { useArchStore, type ArchState } from './store';

const live: LiveSnapshot = { nowSec: 1, nodes: {}, lbViews: {} };
const totals = { requests: 1, ok: 1, failed: 0, inFlight: 0 } as RunTotals;
const batch = (runId: number, nowSec: number): Batch => ({
  type: 'batch',
  runId,
  nowSec,
  done: false,
  playing: true,
  rows: [],
  events: [],
  live,
  totals,
});

describe('store', () => {
  let sent: ToWorker[];
  beforeEach(() => {
    sent = [];
    useArchStore.setState({ doc: ACTIVE_ACTIVE.document, selectedId: null });
    useArchStore.getState().attach((message) => sent.push(message));
  });

  it('starts a run of the document when a worker attaches', () => {
    expect(sent).toEqual([
      {
        type: 'load',
        runId: useArchStore.getState().runId,
        doc: ACTIVE_ACTIVE.document,
        playing: false,
        speed: 10,
      },
    ]);
  });

  it('applies all the messages of a frame with one update, in order, keeping the last 600 rows', () => {
    const { runId } = useArchStore.getState();
    const rowAt = (t: number) => ({ t, total: { ok: t }, nodes: {}, edges: {} }) as unknown as SecondRow;
    const rowsFrom = (from: number, count: number) =>
      packRows(Array.from({ length: count }, (_, i) => rowAt(from + i)));
    const event = (t: number): SimEvent => ({ t, type: 'hc-down', target: 'Server1' });
    useArchStore.getState().receive({ ...batch(runId, 500), rows: rowsFrom(0, 500), events: [event(3)] });
    const updates: ArchState[] = [];
    const unsubscribe = useArchStore.subscribe((state) => updates.push(state));
    useArchStore.getState().receiveAll([
      { ...batch(runId, 600), rows: rowsFrom(500, 100), events: [event(550)] },
      { ...batch(runId - 1, 9_999), rows: rowsFrom(9_000, 5) },
      { type: 'pong', runId },
      { ...batch(runId, 650), rows: rowsFrom(600, 50), events: [event(620)] },
    ]);
    unsubscribe();
    expect(updates).toHaveLength(1);
    const state = useArchStore.getState();
    expect(state.nowSec).toBe(650);
    expect(state.rows.map((r) => r.t)).toEqual(Array.from({ length: 600 }, (_, i) => 50 + i));
    expect(state.rows.map((r) => r.total.ok)).toEqual(state.rows.map((r) => r.t));
    // The run log takes every row of the update, packed: the 150 of this run's two batches.
    expect(state.newRows.reduce((n, run) => n + run.count, 0)).toBe(150);
    expect(state.lastRow?.t).toBe(649);
    expect(state.events.map((e) => e.t)).toEqual([3, 550, 620]);
  });

  it('keeps the same rows and events when a frame brings none', () => {
    const { runId } = useArchStore.getState();
    useArchStore.getState().receive({
      ...batch(runId, 2),
      rows: packRows([{ t: 1, total: {}, nodes: {}, edges: {} } as unknown as SecondRow]),
    });
    const { rows, events } = useArchStore.getState();
    useArchStore.getState().receiveAll([batch(runId, 2.5), batch(runId, 2.9)]);
    expect(useArchStore.getState().rows).toBe(rows);
    expect(useArchStore.getState().events).toBe(events);
    expect(useArchStore.getState().nowSec).toBe(2.9);
  });

  it('drops batches of a run it has replaced', () => {
    const { runId } = useArchStore.getState();
    useArchStore.getState().reset();
    useArchStore.getState().receive(batch(runId, 42));
    expect(useArchStore.getState().nowSec).toBe(0);
    useArchStore.getState().receive(batch(runId + 1, 3));
    expect(useArchStore.getState().nowSec).toBe(3);
  });

  it('knows the clock has settled only when the worker reports the pause', () => {
    const { runId } = useArchStore.getState();
    useArchStore.getState().play();
    useArchStore.getState().receive(batch(runId, 5));
    useArchStore.getState().pause();
    expect(useArchStore.getState().playing).toBe(false);
    // A batch sent before the worker saw the pause still moves the clock.
    expect(useArchStore.getState().enginePlaying).toBe(true);
    useArchStore.getState().receive(batch(runId, 5.3));
    expect(useArchStore.getState().enginePlaying).toBe(true);
    useArchStore.getState().receive({ ...batch(runId, 5.3), playing: false });
    expect(useArchStore.getState()).toMatchObject({ enginePlaying: false, nowSec: 5.3 });
  });

  it('appends faults the worker scheduled to the scenario, which Reset replays', () => {
    const { runId } = useArchStore.getState();
    useArchStore
      .getState()
      .receive({ type: 'scheduled', runId, step: { atSec: 12.346, action: 'fail', target: 'Server1' } });
    expect(useArchStore.getState().doc.scenario).toEqual([
      { atSec: 12.346, action: 'fail', target: 'Server1' },
    ]);
    // Pending (not yet reached) faults already show in the node's health.
    expect(selectNodeHealth(useArchStore.getState(), 'Server1')).toBe('failed');
    useArchStore.getState().reset();
    const load = sent.at(-1);
    expect(load?.type === 'load' && load.doc.scenario).toEqual([
      { atSec: 12.346, action: 'fail', target: 'Server1' },
    ]);
  });

  it('restarts the run with valid parameters and refuses invalid ones', () => {
    const server = ACTIVE_ACTIVE.document.nodes.find((n) => n.id === 'Server1');
    const params = server?.params as WorkerParams;
    const before = sent.length;
    expect(useArchStore.getState().setNodeParams('Server1', { ...params, workers: 0 })).not.toBeNull();
    expect(sent.length).toBe(before);
    expect(useArchStore.getState().setNodeParams('Server1', { ...params, workers: 12 })).toBeNull();
    const load = sent.at(-1);
    expect(load?.type).toBe('load');
    const node = useArchStore.getState().doc.nodes.find((n) => n.id === 'Server1');
    expect((node?.params as WorkerParams).workers).toBe(12);
  });
});
