import { describe, expect, it } from 'vitest';
import { ACTIVE_ACTIVE, PRESETS } from '../../src/model/presets';
import {
  CURRENT_KEY,
  MAX_RECENT,
  RECENT_KEY,
  addRecentDocument,
  browserStorage,
  loadSavedDocument,
  recentDocumentOf,
  recentDocuments,
  saveDocument,
  type KeyValueStore,
} from '../../src/share/doc-storage';
import { documentToJson } from '../../src/share/document-json';

/** A storage that holds at most `capacity` characters and throws like a browser's when full. */
function fakeStorage(capacity = Infinity): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  const size = () => [...data.values()].reduce((n, v) => n + v.length, 0);
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => {
      const before = data.get(key);
      data.set(key, value);
      if (size() > capacity) {
        if (before === undefined) data.delete(key);
        else data.set(key, before);
        throw new DOMException('full', 'QuotaExceededError');
      }
    },
    removeItem: (key) => void data.delete(key),
  };
}

const refusing: KeyValueStore = {
  getItem: () => {
    throw new DOMException('denied', 'SecurityError');
  },
  setItem: () => {
    throw new DOMException('denied', 'SecurityError');
  },
  removeItem: () => undefined,
};

describe('autosave storage', () => {
  it('saves the document and reads the same document back', () => {
    const store = fakeStorage();
    expect(saveDocument(store, ACTIVE_ACTIVE.document)).toBe('saved');
    expect(loadSavedDocument(store)).toEqual(ACTIVE_ACTIVE.document);
  });

  it('says why a document was not saved: no storage, refused, or full', () => {
    expect(saveDocument(null, ACTIVE_ACTIVE.document)).toBe('unavailable');
    expect(saveDocument(refusing, ACTIVE_ACTIVE.document)).toBe('unavailable');
    expect(saveDocument(fakeStorage(100), ACTIVE_ACTIVE.document)).toBe('full');
    expect(loadSavedDocument(refusing)).toBeNull();
  });

  it('finds no storage where merely touching localStorage throws (an opaque-origin frame)', () => {
    const descriptor = Object.getOwnPropertyDescriptor(globalThis, 'localStorage');
    Object.defineProperty(globalThis, 'localStorage', {
      configurable: true,
      get: () => {
        throw new DOMException('The document is sandboxed', 'SecurityError');
      },
    });
    try {
      expect(browserStorage()).toBeNull();
    } finally {
      if (descriptor) Object.defineProperty(globalThis, 'localStorage', descriptor);
      else Reflect.deleteProperty(globalThis, 'localStorage');
    }
  });

  it('reads stored text strictly: damaged JSON or a __proto__ key gives no document, not an exception', () => {
    const store = fakeStorage();
    store.setItem(CURRENT_KEY, '{"name": ');
    expect(loadSavedDocument(store)).toBeNull();
    const hostile = documentToJson(ACTIVE_ACTIVE.document).replace(
      '"name":',
      '"__proto__": {"x": 1}, "name":',
    );
    store.setItem(CURRENT_KEY, hostile);
    expect(loadSavedDocument(store)).toBeNull();
    expect(({} as Record<string, unknown>)['x']).toBeUndefined();
    store.setItem(RECENT_KEY, '[{"name": 1}, "x", null, {"name": "ok", "savedAtMs": 1, "json": "{}"}]');
    expect(recentDocuments(store)).toEqual([{ name: 'ok', savedAtMs: 1, json: '{}' }]);
    expect(recentDocumentOf({ name: 'ok', savedAtMs: 1, json: '{}' })).toBeNull();
  });

  it('keeps recent documents newest first, without repeats, at most MAX_RECENT', () => {
    const store = fakeStorage();
    const docs = [...PRESETS.map((p) => p.document), ACTIVE_ACTIVE.document];
    for (const [i, doc] of docs.entries()) addRecentDocument(store, doc, 1000 + i);
    const recent = recentDocuments(store);
    expect(recent[0]?.savedAtMs).toBe(1000 + docs.length - 1);
    expect(new Set(recent.map((r) => r.json)).size).toBe(recent.length);
    expect(recent.length).toBeLessThanOrEqual(MAX_RECENT);
    expect(recentDocumentOf(recent[0]!)).toEqual(ACTIVE_ACTIVE.document);
  });

  it('drops the oldest recent documents when storage is full, rather than failing', () => {
    const one = documentToJson(ACTIVE_ACTIVE.document).length;
    const store = fakeStorage(one * 2.5);
    const renamed = (n: number) => ({ ...ACTIVE_ACTIVE.document, name: `Doc ${n}` });
    for (let n = 0; n < 5; n++) addRecentDocument(store, renamed(n), n);
    const names = recentDocuments(store).map((r) => r.name);
    expect(names[0]).toBe('Doc 4');
    expect(names.length).toBeGreaterThanOrEqual(1);
    expect(names.length).toBeLessThan(5);
  });
});
