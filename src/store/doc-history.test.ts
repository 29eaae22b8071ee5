import { beforeEach, describe, expect, it } from 'vitest';
import { ACTIVE_ACTIVE } from '../model/presets';
import type { ArchDocument } from '../model/types';
import type { ToWorker } from '../worker/protocol';
import {
  EMPTY_HISTORY,
  MAX_UNDO,
  MOVE_COALESCE_MS,
  differsOnlyInPositions,
  recordChange,
  redoFrom,
  undoFrom,
} from './doc-history';
import { useArchStore } from './store';

const base = ACTIVE_ACTIVE.document;
const renamed = (doc: ArchDocument, name: string): ArchDocument => ({ ...doc, name });
const moved = (doc: ArchDocument, x: number): ArchDocument => ({
  ...doc,
  nodes: doc.nodes.map((n, i) => (i === 0 ? { ...n, position: { x, y: 0 } } : n)),
});

describe('document history', () => {
  it('undo and redo walk back and forth through recorded documents', () => {
    const a = base;
    const b = renamed(a, 'b');
    const c = renamed(b, 'c');
    let h = recordChange(EMPTY_HISTORY, a, b, 0);
    h = recordChange(h, b, c, 10_000);
    const back = undoFrom(h, c);
    expect(back?.doc).toBe(b);
    const back2 = undoFrom(back!.history, b);
    expect(back2?.doc).toBe(a);
    expect(undoFrom(back2!.history, a)).toBeNull();
    const fwd = redoFrom(back2!.history, a);
    expect(fwd?.doc).toBe(b);
    expect(redoFrom(fwd!.history, b)?.doc).toBe(c);
  });

  it('a new edit after undo drops the redo branch', () => {
    const b = renamed(base, 'b');
    const back = undoFrom(recordChange(EMPTY_HISTORY, base, b, 0), b)!;
    const h = recordChange(back.history, base, renamed(base, 'other'), 1);
    expect(h.future).toEqual([]);
    expect(redoFrom(h, base)).toBeNull();
  });

  it('coalesces node moves in quick succession into one step, not moves far apart or other edits', () => {
    const m1 = moved(base, 10);
    const m2 = moved(m1, 20);
    const m3 = moved(m2, 30);
    let h = recordChange(EMPTY_HISTORY, base, m1, 0);
    h = recordChange(h, m1, m2, 100);
    expect(h.past).toEqual([base]);
    h = recordChange(h, m2, m3, 100 + MOVE_COALESCE_MS + 1);
    expect(h.past).toEqual([base, m2]);
    const r = renamed(m3, 'r');
    h = recordChange(h, m3, r, 100 + MOVE_COALESCE_MS + 2);
    expect(h.past).toEqual([base, m2, m3]);
  });

  it('keeps at most MAX_UNDO steps', () => {
    let h = EMPTY_HISTORY;
    let doc = base;
    for (let i = 0; i < MAX_UNDO + 20; i++) {
      const next = renamed(doc, `n${i}`);
      h = recordChange(h, doc, next, i * 10_000);
      doc = next;
    }
    expect(h.past).toHaveLength(MAX_UNDO);
  });

  it('tells position-only changes from changes the simulation sees', () => {
    expect(differsOnlyInPositions(base, moved(base, 5))).toBe(true);
    expect(differsOnlyInPositions(base, renamed(base, 'x'))).toBe(false);
    const params = {
      ...base,
      nodes: base.nodes.map((n, i) => (i === 0 ? ({ ...n, label: 'Other' } as typeof n) : n)),
    };
    expect(differsOnlyInPositions(base, params)).toBe(false);
  });
});

describe('undo in the store', () => {
  let sent: ToWorker[];
  beforeEach(() => {
    sent = [];
    useArchStore.setState({ doc: base, selectedId: null, history: EMPTY_HISTORY });
    useArchStore.getState().attach((message) => sent.push(message));
  });
  /** What the app's keeping subscription does: every document change is recorded. */
  const recording = () =>
    useArchStore.subscribe((state, prev) => {
      if (state.doc !== prev.doc) state.noteDocChange(prev.doc, state.doc);
    });

  it('undoes a parameter edit, a fault clicked during the run and a link opened, each with a new run', () => {
    const stop = recording();
    try {
      const store = () => useArchStore.getState();
      const server = base.nodes.find((n) => n.kind === 'service')!;
      expect(
        store().setNodeParams(server.id, { ...server.params, workers: 3 } as typeof server.params),
      ).toBeNull();
      const edited = store().doc;
      // The worker reports a fault the user clicked: an edit of the scenario.
      store().receive({
        type: 'scheduled',
        runId: store().runId,
        step: { atSec: 12, action: 'fail', target: server.id },
      });
      expect(store().doc.scenario).toHaveLength(1);
      const linked = renamed(base, 'From a link');
      store().openDocument(linked, null);
      expect(store().doc).toBe(linked);

      store().undo();
      expect(store().doc.scenario).toHaveLength(1);
      store().undo();
      expect(store().doc).toBe(edited);
      const loads = sent.filter((m) => m.type === 'load');
      expect(loads.at(-1)).toMatchObject({ type: 'load', doc: edited });
      store().undo();
      expect(store().doc).toBe(base);
      expect(store().history.past).toHaveLength(0);
      store().redo();
      store().redo();
      store().redo();
      expect(store().doc).toBe(linked);
      expect(store().history.future).toHaveLength(0);
    } finally {
      stop();
    }
  });

  it('undoing a move does not restart the run', () => {
    const stop = recording();
    try {
      const store = () => useArchStore.getState();
      store().replaceDocument(moved(base, 40), { restart: false });
      const loads = sent.length;
      store().undo();
      expect(store().doc).toBe(base);
      expect(sent.length).toBe(loads);
    } finally {
      stop();
    }
  });
});
