import type { Expectation } from '../model/expectation-types';
import type { AlertRule } from '../model/types';
import type { ArchState } from './store';

/** Selectors of the preset gallery, state counts and alerts (module-level constants, STYLE.md). */

const NO_ALERTS: readonly AlertRule[] = [];

/** The open gallery preset, while the document is still that preset (same name; edits keep it). */
export const selectOpenPreset = (s: ArchState) =>
  s.openPreset && s.openPreset.title === s.doc.name ? s.openPreset : null;
export const selectLessonShown = (s: ArchState) => s.lessonShown;
export const selectAlerts = (s: ArchState) => s.doc.alerts ?? NO_ALERTS;

const NO_EXPECTATIONS: readonly Expectation[] = [];
export const selectExpectations = (s: ArchState) => s.doc.expectations ?? NO_EXPECTATIONS;
