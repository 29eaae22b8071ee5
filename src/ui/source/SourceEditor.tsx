import { useState, type UIEvent } from 'react';

/** Height of one line of the editor, in px: the gutter and the error band are laid out with it. */
export const LINE_HEIGHT = 18;
const PAD_TOP = 8;

const numbersUpTo = (count: number) => Array.from({ length: count }, (_, i) => i + 1).join('\n');

interface Props {
  readonly text: string;
  /** 1-based line of the first error, highlighted in the text and the gutter. */
  readonly errorLine: number | null;
  readonly onChange: (text: string) => void;
  readonly onBlur: () => void;
}

/**
 * A plain textarea with line numbers and a band on the line of an error. No editor library: the text
 * area does the editing, the gutter and band follow its scroll position.
 */
export function SourceEditor({ text, errorLine, onChange, onBlur }: Props) {
  const [scrollTop, setScrollTop] = useState(0);
  const lines = text.split('\n').length;
  const onScroll = (e: UIEvent<HTMLTextAreaElement>) => setScrollTop(e.currentTarget.scrollTop);
  return (
    <div className="source-editor">
      {errorLine !== null && (
        <div
          className="source-editor__error-band"
          data-testid="source-error-line"
          data-line={errorLine}
          style={{ top: PAD_TOP + (errorLine - 1) * LINE_HEIGHT - scrollTop }}
          aria-hidden="true"
        />
      )}
      {/* One text node for every number: cheap even for a pasted file of thousands of lines. */}
      <pre
        className="source-editor__gutter"
        aria-hidden="true"
        style={{ transform: `translateY(${-scrollTop}px)` }}
      >
        {numbersUpTo(lines)}
      </pre>
      <div className="source-editor__body">
        <textarea
          className="source-editor__text"
          aria-label="Mermaid source"
          aria-invalid={errorLine !== null}
          aria-describedby={errorLine !== null ? 'source-error' : undefined}
          value={text}
          wrap="off"
          spellCheck={false}
          autoCapitalize="off"
          autoComplete="off"
          onChange={(e) => onChange(e.target.value)}
          onBlur={onBlur}
          onScroll={onScroll}
        />
      </div>
    </div>
  );
}
