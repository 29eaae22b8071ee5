/**
 * Autosave (DESIGN.md §2, §7): the open document and a short list of recent documents, kept in the
 * browser's storage as canonical JSON and read back strictly (storage is input too: another version of
 * archplay, an extension or a person may have written it). Storage may be missing, refused (a sandboxed
 * frame throws on `localStorage`), or full: every access is guarded, and the outcome says which.
 */
import type { ArchDocument } from '../model/types';
import { documentFromJson, documentToJson } from './document-json';

/** The part of the Web Storage API used here, so tests can pass a map-backed fake. */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** What happened to a write: kept, or why not. */
export type SaveOutcome = 'saved' | 'unavailable' | 'full';

/** A document the user had open before another replaced it, newest first. */
export interface RecentDocument {
  readonly name: string;
  /** Wall time (ms since the epoch) when it was replaced. */
  readonly savedAtMs: number;
  readonly json: string;
}

export const CURRENT_KEY = 'archplay.document.v1';
export const RECENT_KEY = 'archplay.recent.v1';
/** Recent documents kept: enough to go back a few links, small enough to fit beside the current one. */
export const MAX_RECENT = 8;

/**
 * The page's `localStorage`, or null where it cannot be used. Merely reading `window.localStorage`
 * throws a SecurityError in an opaque-origin frame, so the access itself is guarded.
 */
export function browserStorage(kind: 'local' | 'session' = 'local'): KeyValueStore | null {
  try {
    // Absent in Node (the CLI, unit tests), whatever lib.dom says.
    const storage = (kind === 'local' ? globalThis.localStorage : globalThis.sessionStorage) as
      Storage | undefined;
    if (!storage) return null;
    const probe = 'archplay.probe';
    storage.setItem(probe, '1');
    storage.removeItem(probe);
    return storage;
  } catch {
    return null;
  }
}

/** Writes the document as the one to reopen. */
export function saveDocument(store: KeyValueStore | null, doc: ArchDocument): SaveOutcome {
  return write(store, CURRENT_KEY, documentToJson(doc));
}

/** The saved document, or null when there is none or it no longer reads as a valid document. */
export function loadSavedDocument(store: KeyValueStore | null): ArchDocument | null {
  const text = read(store, CURRENT_KEY);
  if (text === null) return null;
  const result = documentFromJson(text);
  return result.ok ? result.document : null;
}

/** The recent documents, newest first; entries that do not read back are left out. */
export function recentDocuments(store: KeyValueStore | null): readonly RecentDocument[] {
  const text = read(store, RECENT_KEY);
  if (text === null) return [];
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return [];
  }
  if (!Array.isArray(data)) return [];
  return data.filter(isRecent).slice(0, MAX_RECENT);
}

/**
 * Puts `doc` first in the recent list (an identical entry moves up rather than repeating). When storage
 * is full the oldest entries are dropped until it fits.
 */
export function addRecentDocument(
  store: KeyValueStore | null,
  doc: ArchDocument,
  nowMs: number,
): { readonly outcome: SaveOutcome; readonly recent: readonly RecentDocument[] } {
  const json = documentToJson(doc);
  let recent = [
    { name: doc.name, savedAtMs: nowMs, json },
    ...recentDocuments(store).filter((r) => r.json !== json),
  ].slice(0, MAX_RECENT);
  for (;;) {
    const outcome = write(store, RECENT_KEY, JSON.stringify(recent));
    if (outcome !== 'full' || recent.length <= 1) return { outcome, recent };
    recent = recent.slice(0, -1);
  }
}

/** Reads a recent entry's document (strictly: it came from storage). */
export function recentDocumentOf(entry: RecentDocument): ArchDocument | null {
  const result = documentFromJson(entry.json);
  return result.ok ? result.document : null;
}

function isRecent(value: unknown): value is RecentDocument {
  if (value === null || typeof value !== 'object') return false;
  const { name, savedAtMs, json } = value as Record<string, unknown>;
  return typeof name === 'string' && typeof json === 'string' && Number.isFinite(savedAtMs);
}

function read(store: KeyValueStore | null, key: string): string | null {
  try {
    return store?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function write(store: KeyValueStore | null, key: string, value: string): SaveOutcome {
  if (!store) return 'unavailable';
  try {
    store.setItem(key, value);
    return 'saved';
  } catch (error) {
    return isQuotaError(error) ? 'full' : 'unavailable';
  }
}

function isQuotaError(error: unknown): boolean {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED';
}
