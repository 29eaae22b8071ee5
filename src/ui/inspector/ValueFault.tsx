import { useId, useState } from 'react';

interface Props {
  /** The button's name: "Slow", "Errors", "Add latency". */
  readonly action: string;
  /** The value field's accessible name: "Slow factor". */
  readonly valueName: string;
  /** Text before and after the value: "×", "%", "ms". */
  readonly prefix?: string;
  readonly suffix?: string;
  readonly initial: string;
  /** The value read from the text, or an error message. */
  readonly read: (text: string) => { readonly value: number } | { readonly error: string };
  readonly onApply: (value: number) => void;
  readonly disabled: boolean;
  readonly hint: string;
}

/** A fault with a strength: a small value field and the button that injects it ("Slow ×[5] Slow"). */
export function ValueFault({
  action,
  valueName,
  prefix,
  suffix,
  initial,
  read,
  onApply,
  disabled,
  hint,
}: Props) {
  const id = useId();
  const [text, setText] = useState(initial);
  const parsed = read(text);
  const error = 'error' in parsed ? parsed.error : null;
  const apply = () => {
    if ('value' in parsed) onApply(parsed.value);
  };
  return (
    <div className={`value-fault ${error ? 'value-fault--invalid' : ''}`}>
      <button
        type="button"
        className="btn btn--small value-fault__button"
        onClick={apply}
        disabled={disabled || error !== null}
        title={hint}
      >
        {action}
      </button>
      <span className="value-fault__value">
        {prefix && <span aria-hidden="true">{prefix}</span>}
        <input
          className="value-fault__input"
          value={text}
          aria-label={valueName}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          inputMode="decimal"
          spellCheck={false}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') apply();
          }}
        />
        {suffix && <span aria-hidden="true">{suffix}</span>}
      </span>
      {error && (
        <span id={`${id}-error`} className="param__error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
