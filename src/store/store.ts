import type { Expectation } from '../model/expectation-types';
import { create } from 'zustand';
import { PRESETS, ACTIVE_ACTIVE } from '../model/presets';
import type { AlertRule, ArchDocument, NodeSpec, ScenarioAction, ScenarioStep } from '../model/types';
import { validateDocument } from '../model/validate';
import type { LiveSnapshot, RunTotals, SecondRow, SimEvent } from '../sim/results';
import type { FaultRequest, FromWorker, Speed, ToWorker } from '../worker/protocol';
import { countOf, unpackLast, type PackedRows } from '../worker/row-packing';
import {
  withAlerts,
  withExpectations,
  withNodeParams,
  withScenario,
  withoutScenario,
  withScenarioStep,
} from './document-changes';
import { gallerySlice, type GallerySlice } from './gallery-slice';
import { keepSlice, type KeepSlice } from './keep-slice';
import { insightSlice, type InsightSlice } from './insight-slice';
import { lessonSlice, type LessonSlice } from './lesson-slice';
import { sourceSlice, type SourceSlice } from './source-slice';

/** A step's parameters besides its time, action and target. */
export type StepParams = Omit<FaultRequest, 'action' | 'target'>;

/** Per-second rows kept in memory: the charts show the last 120 s; older rows are dropped. */
const MAX_ROWS = 600;

/** The run as last reported by the worker. */
interface RunState {
  /** Identifies the current run; batches from older runs are dropped. */
  readonly runId: number;
  readonly playing: boolean;
  /**
   * Whether the worker's last batch said it was still running. It lags `playing` by the batches in
   * flight: after Pause the clock settles only once this turns false (the page marks the clock busy).
   */
  readonly enginePlaying: boolean;
  readonly speed: Speed;
  readonly nowSec: number;
  readonly done: boolean;
  readonly rows: readonly SecondRow[];
  readonly lastRow: SecondRow | null;
  /**
   * Every row the last update brought, still packed: the metrics export's log (src/ui/export/run-log.ts)
   * keeps them all, while `rows` keeps only the last {@link MAX_ROWS} as objects.
   */
  readonly newRows: readonly PackedRows[];
  readonly events: readonly SimEvent[];
  readonly live: LiveSnapshot | null;
  readonly totals: RunTotals | null;
  /** A message for the user from the run (the engine refused the document, the run has ended...). */
  readonly notice: string | null;
}

interface UiState {
  readonly selectedId: string | null;
  /** Whether the charts show the selected node's own series instead of the system's. */
  readonly showNodeSeries: boolean;
  readonly sourcePanelOpen: boolean;
}

interface Actions {
  /** Connects the store to a worker (or disconnects with null) and starts a run of the document. */
  attach(port: ((message: ToWorker) => void) | null): void;
  receive(message: FromWorker): void;
  /**
   * Applies messages in order with one store update (the frame queue hands over all that arrived since
   * the last frame): rows and events appended once, the last batch's live snapshot and totals kept.
   */
  receiveAll(messages: readonly FromWorker[]): void;
  play(): void;
  pause(): void;
  setSpeed(speed: Speed): void;
  /** Runs the same document again from t = 0 (paused): same seed, same scenario, same results. */
  reset(): void;
  loadPreset(id: string): void;
  select(id: string | null): void;
  /** Schedules a step at the current simulated time (with its parameters: mode, factor, loss...). */
  fault(action: ScenarioAction, target: string, params?: StepParams): void;
  /** Replaces the scenario (the timeline panel's edits); the run restarts from t = 0. Returns an error if refused. */
  setScenario(steps: readonly ScenarioStep[]): string | null;
  /** Applies valid parameters to a node; the run restarts from t = 0. Returns an error message if refused. */
  setNodeParams(id: string, params: NodeSpec['params']): string | null;
  clearScenario(): void;
  /** Replaces the document's alert rules; the run restarts from t = 0. Returns an error message if refused. */
  setAlerts(alerts: readonly AlertRule[]): string | null;
  /** Replaces the document's expectations; the run restarts from t = 0. Returns an error message if refused. */
  setExpectations(expectations: readonly Expectation[]): string | null;
  setShowNodeSeries(show: boolean): void;
  toggleSourcePanel(): void;
}

export interface ArchState
  extends RunState, UiState, Actions, SourceSlice, GallerySlice, KeepSlice, InsightSlice, LessonSlice {
  readonly doc: ArchDocument;
  readonly port: ((message: ToWorker) => void) | null;
}

/**
 * The kept rows with the new rows after them: at most {@link MAX_ROWS}, the same array when none came.
 * Only the new rows that are kept are unpacked (at speed Max an update brings hundreds).
 */
function appendRows(rows: readonly SecondRow[], added: readonly PackedRows[]): readonly SecondRow[] {
  const count = countOf(added);
  if (count === 0) return rows;
  const kept = Math.min(rows.length, Math.max(0, MAX_ROWS - count));
  const next = rows.slice(rows.length - kept);
  for (const row of unpackLast(added, MAX_ROWS)) next.push(row);
  return next;
}

const freshRun = (runId: number, nowSec = 0) => ({
  runId,
  nowSec,
  done: false,
  rows: [],
  lastRow: null,
  newRows: [],
  events: [],
  live: null,
  totals: null,
  notice: null,
});

/** The one store: document, run state and UI state, with the actions beside them (STYLE.md). */
export const useArchStore = create<ArchState>()((set, get) => {
  /** Starts a new run of `doc` from t = 0 in the worker. */
  const restart = (doc: ArchDocument, playing: boolean) => {
    const { runId, speed, port } = get();
    const next = runId + 1;
    set({ doc, playing, enginePlaying: playing, ...freshRun(next) });
    port?.({ type: 'load', runId: next, doc, playing, speed });
  };

  return {
    doc: ACTIVE_ACTIVE.document,
    port: null,
    ...freshRun(0),
    playing: false,
    enginePlaying: false,
    speed: 10,
    selectedId: null,
    showNodeSeries: false,
    sourcePanelOpen: false,
    ...sourceSlice(set, get, restart),
    ...gallerySlice(set, get, restart),
    ...keepSlice(set, get, restart),
    ...insightSlice(set, get, restart),
    ...lessonSlice(set, get, restart),

    attach: (port) => {
      set({ port });
      if (port) restart(get().doc, false);
    },

    receive: (message) => get().receiveAll([message]),

    receiveAll: (messages) => {
      const state = get();
      const batches: Extract<FromWorker, { type: 'batch' }>[] = [];
      let doc = state.doc;
      let failure: string | null = null;
      for (const message of messages) {
        if (message.type === 'pong' || message.runId !== state.runId) continue;
        if (message.type === 'batch') batches.push(message);
        else if (message.type === 'scheduled') doc = withScenarioStep(doc, message.step);
        else failure = message.message;
      }
      const last = batches.at(-1);
      const changes: Partial<ArchState> = doc === state.doc ? {} : { doc };
      if (last) {
        const newRows = batches.flatMap((b) => b.rows);
        const rows = appendRows(state.rows, newRows);
        const added = batches.flatMap((b) => b.events);
        const stopped = batches.find((b) => b.stopped !== undefined)?.stopped;
        Object.assign(changes, {
          nowSec: last.nowSec,
          done: last.done,
          enginePlaying: last.playing && !last.done,
          // The worker stops by itself at the end of the run; otherwise Play/Pause belong to the user.
          playing: last.done ? false : state.playing,
          rows,
          lastRow: rows[rows.length - 1] ?? null,
          newRows,
          events: added.length ? [...state.events, ...added] : state.events,
          live: last.live,
          totals: last.totals,
          ...(stopped ? { notice: `The engine ${stopped}: the run ends here (its event cap).` } : {}),
        });
      }
      // An error comes after the batches before it (the order the worker sent them in).
      if (failure !== null) Object.assign(changes, { notice: failure, playing: false, enginePlaying: false });
      if (Object.keys(changes).length) set(changes);
    },

    play: () => {
      if (get().done) return;
      set({ playing: true, notice: null });
      get().port?.({ type: 'play' });
    },
    pause: () => {
      set({ playing: false });
      get().port?.({ type: 'pause' });
    },
    setSpeed: (speed) => {
      set({ speed });
      get().port?.({ type: 'speed', speed });
    },
    reset: () => restart(get().doc, false),
    loadPreset: (id) => {
      const preset = PRESETS.find((p) => p.id === id);
      if (!preset) return;
      set({ selectedId: null });
      restart(preset.document, false);
    },
    select: (selectedId) => set({ selectedId }),
    fault: (action, target, params) => get().port?.({ type: 'fault', ...params, action, target }),
    setScenario: (steps) => {
      const doc = withScenario(get().doc, steps);
      const issue = validateDocument(doc)[0];
      if (issue) return issue.message;
      restart(doc, get().playing);
      return null;
    },
    setNodeParams: (id, params) => {
      const doc = withNodeParams(get().doc, id, params);
      const issue = validateDocument(doc)[0];
      if (issue) return issue.message;
      restart(doc, get().playing);
      return null;
    },
    clearScenario: () => restart(withoutScenario(get().doc), get().playing),
    setAlerts: (alerts) => {
      const doc = withAlerts(get().doc, alerts);
      const issue = validateDocument(doc)[0];
      if (issue) return issue.message;
      restart(doc, get().playing);
      return null;
    },
    setExpectations: (expectations) => {
      const doc = withExpectations(get().doc, expectations);
      const issue = validateDocument(doc).find((i) => i.path.startsWith('expectations.'));
      if (issue) return issue.message;
      restart(doc, get().playing);
      return null;
    },
    setShowNodeSeries: (showNodeSeries) => set({ showNodeSeries }),
    toggleSourcePanel: () => set({ sourcePanelOpen: !get().sourcePanelOpen }),
  };
});
