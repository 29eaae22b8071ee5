/**
 * A decoded link goes on through the store (open, undo, redo: spreads of the document) and through
 * autosave (JSON written and read back): hostile ids and labels must survive all of it as plain text,
 * and nothing may reach Object.prototype on the way.
 */
import { describe, expect, it } from 'vitest';
import { ACTIVE_ACTIVE } from '../../src/model/presets';
import { loadSavedDocument, saveDocument, type KeyValueStore } from '../../src/share/doc-storage';
import { documentFromJson, documentToJson } from '../../src/share/document-json';
import { decodeLink, encodeLink } from '../../src/share/link';
import { EMPTY_HISTORY } from '../../src/store/doc-history';
import { withNodeParams } from '../../src/store/document-changes';
import { useArchStore } from '../../src/store/store';

const HOSTILE = ['__proto__', 'constructor', 'prototype', 'toString', '<img src=x onerror=alert(1)>'];

/** The seed document with hostile node ids and labels (ids renamed everywhere they are referenced). */
function hostileDocument() {
  let json = documentToJson(ACTIVE_ACTIVE.document);
  ACTIVE_ACTIVE.document.nodes.forEach((node, i) => {
    const id = HOSTILE[i]!;
    json = json
      .replaceAll(`"${node.id}"`, JSON.stringify(id))
      .replaceAll(`"${node.id}-->`, `${JSON.stringify(id).slice(0, -1)}-->`)
      .replaceAll(`-->${node.id}"`, `-->${JSON.stringify(id).slice(1)}`)
      .replaceAll(`"label": "${node.label}"`, `"label": ${JSON.stringify(id)}`);
  });
  return json;
}

function memoryStorage(): KeyValueStore {
  const data = new Map<string, string>();
  return {
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

describe('a link with hostile ids through the store and autosave', () => {
  it('opens, undoes, redoes and saves as plain text, polluting nothing', async () => {
    const read = documentFromJson(hostileDocument());
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const link = await encodeLink(read.document);
    const decoded = await decodeLink(link);
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    const doc = decoded.document;
    expect(doc.nodes.map((n) => n.id)).toEqual(HOSTILE);

    useArchStore.setState({ doc: ACTIVE_ACTIVE.document, history: EMPTY_HISTORY });
    useArchStore.getState().attach(() => undefined);
    const stop = useArchStore.subscribe((state, prev) => {
      if (state.doc !== prev.doc) state.noteDocChange(prev.doc, state.doc);
    });
    try {
      const store = () => useArchStore.getState();
      store().openDocument(doc, { kind: 'opened', name: doc.name, previous: ACTIVE_ACTIVE.document });
      const server = doc.nodes.find((n) => n.kind === 'service')!;
      store().replaceDocument(withNodeParams(store().doc, server.id, { ...server.params }), {
        restart: true,
      });
      store().undo();
      store().undo();
      store().redo();
      expect(store().doc).toBe(doc);

      const storage = memoryStorage();
      expect(saveDocument(storage, store().doc)).toBe('saved');
      const saved = loadSavedDocument(storage);
      expect(saved).toEqual(doc);
      expect(saved?.nodes.map((n) => n.label)).toEqual(HOSTILE);
    } finally {
      stop();
    }
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(typeof ({} as { toString: unknown }).toString).toBe('function');
  });
});
