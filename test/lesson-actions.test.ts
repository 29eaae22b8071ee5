import { describe, expect, it } from 'vitest';
import type { ScenarioStep } from '../src/model/types';
import { withScenario, withScenarioStep } from '../src/store/document-changes';
import { actionsBetween, type ActionState } from '../src/ui/lessons/lesson-actions';
import { balanced } from './support/documents';

const state = (changes: Partial<ActionState> = {}): ActionState => ({
  playing: true,
  selectedId: 'S1',
  sourcePanelOpen: false,
  doc: balanced(),
  runId: 1,
  ...changes,
});

const step = (action: 'fail' | 'recover', atSec: number): ScenarioStep => ({ atSec, action, target: 'S1' });

describe('what the user did, for lesson steps', () => {
  it('a fault clicked during the run is one action', () => {
    const prev = state();
    const next = state({ doc: withScenarioStep(prev.doc, step('fail', 12)) });
    expect(actionsBetween(next, prev)).toEqual([{ kind: 'fail', target: 'S1' }]);
  });

  it('two faults that arrive in one update (R then F in one frame) are both actions, in order', () => {
    const prev = state();
    const next = state({
      doc: withScenarioStep(withScenarioStep(prev.doc, step('recover', 12)), step('fail', 12.1)),
    });
    expect(actionsBetween(next, prev)).toEqual([
      { kind: 'recover', target: 'S1' },
      { kind: 'fail', target: 'S1' },
    ]);
  });

  it('a fault added before a later planned step counts, though it is not the last step', () => {
    const prev = state({ doc: withScenario(balanced(), [step('recover', 200)]) });
    const next = state({ doc: withScenarioStep(prev.doc, step('fail', 30)) });
    expect(actionsBetween(next, prev)).toEqual([{ kind: 'fail', target: 'S1' }]);
  });

  it('a new run with a longer scenario is not an action (the document was replaced)', () => {
    const prev = state();
    const next = state({ doc: withScenarioStep(prev.doc, step('fail', 12)), runId: 2 });
    expect(actionsBetween(next, prev)).toEqual([]);
  });

  it('play, select and the source panel', () => {
    const prev = state({ playing: false, selectedId: null });
    expect(actionsBetween(state({ sourcePanelOpen: true }), prev)).toEqual([
      { kind: 'play' },
      { kind: 'select', target: 'S1' },
      { kind: 'panel', panel: 'source' },
    ]);
  });
});
