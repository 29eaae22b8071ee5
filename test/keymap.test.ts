// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { comboText, createKeymap, parseCombo, type KeyBinding, type Keymap } from '../src/ui/keymap';
import { UNDO_BINDINGS } from '../src/ui/keep/useUndoShortcuts';
import { PRESENTER_BINDINGS } from '../src/ui/presenter/usePresenterKeys';
import { APP_BINDINGS } from '../src/ui/useKeyboardShortcuts';
import { isMac, shortcutSections } from '../src/ui/shortcuts/shortcut-list';

/** Dispatches a real keydown on `target` and lets the keymap handle it; returns the event. */
function press(keymap: Keymap, key: string, init: KeyboardEventInit = {}, target: Element = document.body) {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init });
  let handled = false;
  const listener = (e: Event) => {
    handled = keymap.handle(e as KeyboardEvent);
  };
  window.addEventListener('keydown', listener, true);
  target.dispatchEvent(event);
  window.removeEventListener('keydown', listener, true);
  return { event, handled };
}

/** A keymap with bindings that log what ran. */
function logging(bindings: readonly (Omit<KeyBinding, 'run' | 'description'> & { name: string })[]) {
  const ran: string[] = [];
  const keymap = createKeymap();
  keymap.register(
    bindings.map((b) => ({ ...b, description: b.name, run: (key) => ran.push(`${b.name}:${key}`) })),
  );
  return { keymap, ran };
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('matching a press to a combination', () => {
  it('Mod is Ctrl or ⌘, and Shift tells Mod+Z from Shift+Mod+Z', () => {
    const { keymap, ran } = logging([
      { name: 'undo', keys: ['Mod+Z'] },
      { name: 'redo', keys: ['Shift+Mod+Z', 'Mod+Y'] },
    ]);
    press(keymap, 'z', { ctrlKey: true });
    press(keymap, 'z', { metaKey: true });
    press(keymap, 'Z', { ctrlKey: true, shiftKey: true });
    press(keymap, 'Z', { metaKey: true, shiftKey: true });
    press(keymap, 'y', { ctrlKey: true });
    expect(ran).toEqual(['undo:z', 'undo:z', 'redo:Z', 'redo:Z', 'redo:y']);
  });

  it('a combination with Ctrl/⌘ does not run without it, nor with Alt or an extra Shift', () => {
    const { keymap, ran } = logging([
      { name: 'undo', keys: ['Mod+Z'] },
      { name: 'redo', keys: ['Mod+Y'] },
    ]);
    expect(press(keymap, 'z').handled).toBe(false);
    expect(press(keymap, 'z', { ctrlKey: true, altKey: true }).handled).toBe(false);
    expect(press(keymap, 'Y', { ctrlKey: true, shiftKey: true }).handled).toBe(false);
    expect(ran).toEqual([]);
  });

  it('a plain key runs in either case and with Shift, never with Ctrl, ⌘ or Alt', () => {
    const { keymap, ran } = logging([
      { name: 'fail', keys: ['F'] },
      { name: 'help', keys: ['?'] },
      { name: 'play', keys: ['Space'] },
    ]);
    press(keymap, 'f');
    press(keymap, 'F', { shiftKey: true });
    press(keymap, '?', { shiftKey: true });
    press(keymap, ' ');
    for (const modifier of ['ctrlKey', 'metaKey', 'altKey'] as const) {
      expect(press(keymap, 'f', { [modifier]: true }).handled).toBe(false);
      expect(press(keymap, ' ', { [modifier]: true }).handled).toBe(false);
    }
    expect(ran).toEqual(['fail:f', 'fail:F', 'help:?', 'play: ']);
  });

  it('a handled press is prevented; it goes on to other listeners unless the binding stops it', () => {
    const { keymap } = logging([
      { name: 'play', keys: ['Space'] },
      { name: 'fail', keys: ['F'], stopPropagation: true },
    ]);
    let reached: string[] = [];
    document.body.addEventListener('keydown', (e) => reached.push(e.key));
    const space = press(keymap, ' ');
    expect(space.event.defaultPrevented).toBe(true);
    expect(reached).toEqual([' ']);
    reached = [];
    const f = press(keymap, 'f');
    expect(f.event.defaultPrevented).toBe(true);
    expect(reached).toEqual([]);
    const other = press(keymap, 'x');
    expect(other.event.defaultPrevented).toBe(false);
  });

  it('a held key repeats only the bindings that say so, and a toggle swallows its repeats', () => {
    const { keymap, ran } = logging([
      { name: 'undo', keys: ['Mod+Z'], repeat: true },
      { name: 'play', keys: ['Space'] },
    ]);
    press(keymap, 'z', { ctrlKey: true, repeat: true });
    expect(press(keymap, ' ', { repeat: true }).handled).toBe(false);
    expect(ran).toEqual(['undo:z']);
  });

  it('refuses a combination with an unknown modifier or no key', () => {
    expect(() => parseCombo('Ctrl+Z')).toThrow(/unknown modifier Ctrl/);
    expect(() => parseCombo('Mod+')).toThrow(/no key/);
    expect(parseCombo('+').key).toBe('+');
  });
});

describe('typing and focus', () => {
  it.each([
    ['an input', '<input id="t">'],
    ['a textarea', '<textarea id="t"></textarea>'],
    ['a select', '<select id="t"><option>a</option></select>'],
    ['a contenteditable element', '<div contenteditable="true"><span id="t">x</span></div>'],
    ['a plaintext-only contenteditable', '<div contenteditable="plaintext-only" id="t"></div>'],
  ])('no binding runs while typing in %s: the keys are text', (_, html) => {
    document.body.innerHTML = html;
    const target = document.getElementById('t') as Element;
    const { keymap, ran } = logging([
      { name: 'undo', keys: ['Mod+Z'] },
      { name: 'fail', keys: ['F'] },
    ]);
    const undo = press(keymap, 'z', { ctrlKey: true }, target);
    const f = press(keymap, 'f', {}, target);
    expect(ran).toEqual([]);
    expect(undo.event.defaultPrevented).toBe(false);
    expect(f.event.defaultPrevented).toBe(false);
  });

  it('an element contenteditable="false" is not a field', () => {
    document.body.innerHTML = '<div contenteditable="false" id="t"></div>';
    const { keymap, ran } = logging([{ name: 'fail', keys: ['F'] }]);
    press(keymap, 'f', {}, document.getElementById('t') as Element);
    expect(ran).toEqual(['fail:f']);
  });

  it('a binding is left out inside the elements it names', () => {
    document.body.innerHTML = '<button id="b">Run</button><div class="react-flow__node"><i id="n"></i></div>';
    const { keymap, ran } = logging([{ name: 'play', keys: ['Space'], notIn: 'button, .react-flow__node' }]);
    expect(press(keymap, ' ', {}, document.getElementById('b') as Element).handled).toBe(false);
    expect(press(keymap, ' ', {}, document.getElementById('n') as Element).handled).toBe(false);
    expect(press(keymap, ' ').handled).toBe(true);
    expect(ran).toEqual(['play: ']);
  });
});

describe('precedence', () => {
  it('a higher priority is asked first; when it does not apply the next binding runs', () => {
    const keymap = createKeymap();
    const ran: string[] = [];
    let presenting = true;
    keymap.register([{ keys: ['Space'], description: 'app', run: () => ran.push('app') }]);
    const leave = keymap.register(
      [
        {
          keys: ['Space'],
          description: 'presenter',
          when: () => presenting,
          notIn: 'dialog[open]',
          run: () => ran.push('presenter'),
        },
      ],
      10,
    );
    press(keymap, ' ');
    presenting = false;
    press(keymap, ' ');
    presenting = true;
    document.body.innerHTML = '<dialog open><p id="d">x</p></dialog>';
    press(keymap, ' ', {}, document.getElementById('d') as Element);
    leave();
    press(keymap, ' ');
    expect(ran).toEqual(['presenter', 'app', 'app', 'app']);
    expect(keymap.bindings().map((b) => b.description)).toEqual(['app']);
  });

  it('at one priority the binding registered first wins, and only one binding runs per press', () => {
    const keymap = createKeymap();
    const ran: string[] = [];
    keymap.register([{ keys: ['N'], description: 'first', run: () => ran.push('first') }]);
    keymap.register([{ keys: ['N'], description: 'second', run: () => ran.push('second') }]);
    press(keymap, 'n');
    expect(ran).toEqual(['first']);
  });
});

describe("the app's bindings", () => {
  const all = [...APP_BINDINGS, ...UNDO_BINDINGS, ...PRESENTER_BINDINGS];

  it('every combination parses and each has a description', () => {
    for (const binding of all) {
      expect(binding.description).not.toBe('');
      for (const combo of binding.keys) expect(() => parseCombo(combo)).not.toThrow();
    }
  });

  it('within one layer no two bindings share a combination', () => {
    for (const layer of [[...APP_BINDINGS, ...UNDO_BINDINGS], PRESENTER_BINDINGS]) {
      const combos = layer.flatMap((b) => b.keys.map((k) => JSON.stringify(parseCombo(k))));
      expect(new Set(combos).size).toBe(combos.length);
    }
  });

  it('the list writes combinations the way each platform does', () => {
    expect(comboText('Shift+Mod+Z', false)).toBe('Ctrl+Shift+Z');
    expect(comboText('Shift+Mod+Z', true)).toBe('⇧⌘Z');
    expect(comboText('Mod+Y', false)).toBe('Ctrl+Y');
    expect(comboText('Space', true)).toBe('Space');
    expect(comboText('F', false)).toBe('F');
    expect(comboText('Escape', false)).toBe('Escape');
  });
});

describe('the "Keyboard shortcuts" list', () => {
  it('lists every binding once, by its description, with the platform’s keys', () => {
    const lines = shortcutSections(false).flatMap((s) => s.lines);
    for (const binding of [...APP_BINDINGS, ...UNDO_BINDINGS, ...PRESENTER_BINDINGS])
      expect(lines.map((l) => l.description)).toContain(binding.description);
    const keysOf = (description: string, mac: boolean) =>
      shortcutSections(mac)
        .flatMap((s) => s.lines)
        .find((l) => l.description === description)?.keys;
    expect(keysOf('Redo the edit undone last', false)).toEqual(['Ctrl+Shift+Z', 'Ctrl+Y']);
    expect(keysOf('Redo the edit undone last', true)).toEqual(['⇧⌘Z', '⌘Y']);
    expect(keysOf('Delete the selected node or edge', false)).toEqual(['Delete', 'Backspace']);
    expect(keysOf('Show these keyboard shortcuts', false)).toEqual(['?']);
    expect(shortcutSections(false)[1]?.lines.map((l) => l.keys.join(' or '))).toEqual([
      'Space',
      'F',
      'R',
      '1–4',
      'N',
      'P',
      'Escape',
    ]);
  });

  it('tells a Mac by its user agent', () => {
    expect(isMac('Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15')).toBe(true);
    expect(isMac('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/140.0')).toBe(false);
  });
});
