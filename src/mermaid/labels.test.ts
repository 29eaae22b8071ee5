import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeLabel, encodeLabel } from './labels';

/** What mermaid's lexer and entity encoder do to a label written inside `"…"`. */
function throughMermaid(encoded: string): string {
  return encoded
    .replace(/#\w+;/g, (s) => {
      const inner = s.slice(1, -1);
      return /^\+?\d+$/.test(inner) ? `\uFB02\xB0\xB0${inner}\xB6\xDF` : `\uFB02\xB0${inner}\xB6\xDF`;
    })
    .trim();
}

describe('labels', () => {
  it('decode mermaid and HTML entities once, and <br> as a line break', () => {
    expect(decodeLabel('a \uFB02\xB0quot\xB6\xDFq\uFB02\xB0quot\xB6\xDF')).toBe('a "q"');
    expect(decodeLabel('\uFB02\xB0\xB035\xB6\xDF1')).toBe('#1');
    expect(decodeLabel('a &amp;lt; b')).toBe('a &lt; b');
    expect(decodeLabel('one<br>two<BR/>three<br />four')).toBe('one\ntwo\nthree\nfour');
    expect(decodeLabel('\uFB02\xB0nosuch\xB6\xDF')).toBe('#nosuch;');
  });

  it('strip markdown emphasis from markdown strings only', () => {
    expect(decodeLabel('**bold** and _it_', true)).toBe('bold and it');
    expect(decodeLabel('**bold** and my_var_name', false)).toBe('**bold** and my_var_name');
    expect(decodeLabel('snake_case_id', true)).toBe('snake_case_id');
  });

  it('encode markup as entities so it shows as text', () => {
    expect(encodeLabel('<img src=x onerror=alert(1)>')).toBe('#lt;img src=x onerror=alert(1)#gt;');
    expect(encodeLabel('say "hi"')).toBe('say #quot;hi#quot;');
    expect(encodeLabel('Server #1')).toBe('Server #1');
    expect(encodeLabel('#quot;')).toBe('#35;quot;');
    expect(encodeLabel(' padded ')).toBe('#32;padded#32;');
    expect(encodeLabel('two\nlines')).toBe('two<br>lines');
  });

  it('round-trip any text through encode → mermaid → decode', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 30 }),
        fc.string({ unit: fc.constantFrom(...'<>"#&;`|\n \tﬂ°¶ßbr/qut'), maxLength: 30 }),
        (a, b) => {
          for (const text of [a, b, a + b]) expect(decodeLabel(throughMermaid(encodeLabel(text)))).toBe(text);
        },
      ),
      { numRuns: 500, examples: [['', '#u¶ß']] },
    );
  });
});
