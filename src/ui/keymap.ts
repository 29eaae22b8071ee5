/**
 * The app's keyboard shortcuts as data: each binding names its keys, when it applies, what it does and a
 * description (the "Keyboard shortcuts" list is made from them). One keymap decides which binding a key
 * press runs, from one window listener (see {@link useKeyBindings}), so that the app, the undo keys and
 * presenter mode cannot both act on one press.
 */

/** Where the user types: no shortcut acts there, the keys are text (and Ctrl+Z the field's own undo). */
export const TYPING_TARGETS = 'input, textarea, select, [contenteditable]:not([contenteditable="false"])';

/**
 * One key combination: modifiers and a key joined by `+`, e.g. `Mod+Z`, `Shift+Mod+Z`, `Space`, `F`,
 * `Escape`, `?`. `Mod` is Ctrl or ⌘ (either is accepted on every platform; the list shows the
 * platform's own). The key is `KeyboardEvent.key`, letters in any case, `Space` for the space bar.
 */
export type KeyCombo = string;

/** A shortcut. */
export interface KeyBinding {
  /** The combinations that run it (alternatives). */
  readonly keys: readonly KeyCombo[];
  /** What it does, for the shortcuts list: "Undo the last edit". */
  readonly description: string;
  /** How the list writes the keys when not one by one ("1–4"). */
  readonly keysText?: string;
  /** Whether it applies now (read at each press); absent: always. */
  readonly when?: () => boolean;
  /** Elements, besides the typing targets, inside which the press is left to them (a CSS selector). */
  readonly notIn?: string;
  /** Whether a held key's repeats run it again (undo does; a toggle must not). */
  readonly repeat?: boolean;
  /** Whether the press goes no further once handled (presenter keys: not also React Flow's Space). */
  readonly stopPropagation?: boolean;
  /** Runs it; `key` is the pressed `KeyboardEvent.key`. */
  readonly run: (key: string) => void;
}

/** What the keymap reads of a key press (a `KeyboardEvent` has it all). */
export interface KeyPress {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
  readonly shiftKey: boolean;
  readonly repeat: boolean;
  readonly target: EventTarget | null;
  preventDefault(): void;
  stopPropagation(): void;
}

interface ParsedCombo {
  readonly key: string;
  readonly mod: boolean;
  readonly alt: boolean;
  /** true/false: Shift must be down/up; null: either (a plain key such as `?` or `F`). */
  readonly shift: boolean | null;
}

const normalKey = (key: string): string => (key.length === 1 ? key.toLowerCase() : key);

/** Reads a combination; throws on an unknown modifier, so a typo fails at start-up and in the tests. */
export function parseCombo(combo: KeyCombo): ParsedCombo {
  const parts = combo === '+' ? ['+'] : combo.split('+');
  const key = parts.pop() ?? '';
  const modifiers = new Set(parts);
  for (const m of modifiers) {
    if (m !== 'Mod' && m !== 'Shift' && m !== 'Alt') throw new Error(`unknown modifier ${m} in ${combo}`);
  }
  if (key === '') throw new Error(`no key in ${combo}`);
  const mod = modifiers.has('Mod');
  const alt = modifiers.has('Alt');
  // With Ctrl/⌘ or Alt, Shift tells combinations apart (Mod+Z undoes, Shift+Mod+Z redoes); a plain
  // key is the same with Shift (F and Shift+F, and `?` is typed with it on most layouts).
  const shift = modifiers.has('Shift') ? true : mod || alt ? false : null;
  return { key: key === 'Space' ? ' ' : normalKey(key), mod, alt, shift };
}

/** Whether a press is the combination. */
export function pressMatches(combo: ParsedCombo, press: KeyPress): boolean {
  return (
    normalKey(press.key) === combo.key &&
    (press.ctrlKey || press.metaKey) === combo.mod &&
    press.altKey === combo.alt &&
    (combo.shift === null || press.shiftKey === combo.shift)
  );
}

/** Whether the press comes from inside an element the selector names. */
function inside(target: EventTarget | null, selector: string): boolean {
  const element = target as { closest?: (selector: string) => unknown } | null;
  return typeof element?.closest === 'function' && element.closest(selector) !== null;
}

/** A combination as the shortcuts list writes it: "Ctrl+Shift+Z" or "⇧⌘Z" on a Mac, "Space". */
export function comboText(combo: KeyCombo, mac: boolean): string {
  const { key, mod, alt, shift } = parseCombo(combo);
  const name = key === ' ' ? 'Space' : key.length === 1 ? key.toUpperCase() : key;
  if (mac) return `${shift ? '⇧' : ''}${alt ? '⌥' : ''}${mod ? '⌘' : ''}${name}`;
  return [mod && 'Ctrl', alt && 'Alt', shift && 'Shift', name].filter(Boolean).join('+');
}

/** A group of bindings registered together; a higher `priority` is asked first (presenter over app). */
interface Layer {
  readonly bindings: readonly (KeyBinding & { readonly parsed: readonly ParsedCombo[] })[];
  readonly priority: number;
  readonly order: number;
}

/** A set of layers of bindings and the one decision which binding a press runs. */
export interface Keymap {
  /** Adds bindings; returns the function that removes them again. */
  register(bindings: readonly KeyBinding[], priority?: number): () => void;
  /** Runs the binding the press stands for, if any (the first by priority, then by registration). */
  handle(press: KeyPress): boolean;
  /** The bindings registered now, first asked first. */
  bindings(): readonly KeyBinding[];
}

/** A new, empty keymap. */
export function createKeymap(): Keymap {
  let layers: Layer[] = [];
  let registered = 0;
  const sorted = () => layers.flatMap((layer) => layer.bindings);
  return {
    register(bindings, priority = 0) {
      const layer: Layer = {
        bindings: bindings.map((b) => ({ ...b, parsed: b.keys.map(parseCombo) })),
        priority,
        order: registered++,
      };
      layers = [...layers, layer].sort((a, b) => b.priority - a.priority || a.order - b.order);
      return () => {
        layers = layers.filter((l) => l !== layer);
      };
    },
    handle(press) {
      if (inside(press.target, TYPING_TARGETS)) return false;
      for (const binding of sorted()) {
        if (!binding.parsed.some((combo) => pressMatches(combo, press))) continue;
        if (binding.notIn !== undefined && inside(press.target, binding.notIn)) continue;
        if (binding.when && !binding.when()) continue;
        // The binding owns the key: a held key's repeats are not passed on to another binding.
        if (press.repeat && !binding.repeat) return false;
        press.preventDefault();
        if (binding.stopPropagation) press.stopPropagation();
        binding.run(press.key);
        return true;
      }
      return false;
    },
    bindings: sorted,
  };
}

/** The app's keymap: every shortcut registers here (through `useKeyBindings`). */
export const appKeymap: Keymap = createKeymap();
