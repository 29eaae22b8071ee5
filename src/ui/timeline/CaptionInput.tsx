import { useState } from 'react';

interface Props {
  readonly caption: string;
  readonly label: string;
  readonly onCommit: (caption: string) => void;
}

/** A scenario step's caption for presenter mode: edited in place, saved on Enter or when leaving the field. */
export function CaptionInput({ caption, label, onCommit }: Props) {
  const [text, setText] = useState(caption);
  const commit = () => {
    if (text.trim() !== caption) onCommit(text);
  };
  return (
    <input
      className="step__caption"
      value={text}
      placeholder="Caption for presenter mode"
      aria-label={label}
      onChange={(e) => setText(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
        if (e.key === 'Escape') setText(caption);
      }}
    />
  );
}
