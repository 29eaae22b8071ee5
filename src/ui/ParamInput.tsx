import { useId, useState, type KeyboardEvent } from 'react';
import type { ParamField } from '../model/param-fields';

interface Props<P> {
  readonly field: ParamField<P>;
  readonly params: P;
  /** Called with new parameters when the text is valid and committed (Enter or leaving the field). */
  readonly onCommit: (params: P) => string | null;
}

/**
 * One editable parameter with its unit. The text is checked as it is typed; an invalid value shows a
 * message next to the field (aria-invalid, aria-describedby) and is never committed.
 */
export function ParamInput<P>({ field, params, onCommit }: Props<P>) {
  const id = useId();
  // An absent optional parameter shows an empty field with its default as placeholder (selects show it).
  const showsDefault = !field.options && field.optional !== undefined && !field.optional.isSet(params);
  const saved = showsDefault ? '' : field.format(params);
  const placeholder =
    field.optional && !field.options ? `${field.optional.defaultText} (default)` : undefined;
  /** Empty text in an optional field means its default. */
  const applied = (value: string) =>
    field.apply(params, value.trim() === '' && field.optional ? field.optional.defaultText : value);
  const [text, setText] = useState(saved);
  const [error, setError] = useState<string | null>(null);
  // When the document changes underneath (a commit, a preset), show its value again.
  const [shown, setShown] = useState(saved);
  if (shown !== saved) {
    setShown(saved);
    setText(saved);
    setError(null);
  }

  const check = (value: string) => {
    setText(value);
    const parsed = applied(value);
    setError(parsed.ok ? null : parsed.error);
  };
  const commit = (value: string) => {
    if (value.trim() === saved) return;
    const parsed = applied(value);
    if (!parsed.ok) return setError(parsed.error);
    const refused = onCommit(parsed.value);
    setError(refused);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') commit(text);
    if (event.key === 'Escape') {
      setText(saved);
      setError(null);
    }
  };
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = error ? `${errorId} ${hintId}` : hintId;

  return (
    <div className={`param ${error ? 'param--invalid' : ''}`}>
      <label className="param__label" htmlFor={id}>
        {field.label}
      </label>
      {field.options ? (
        <select
          id={id}
          className="param__input"
          value={text}
          aria-describedby={hintId}
          onChange={(e) => {
            check(e.target.value);
            commit(e.target.value);
          }}
        >
          {field.options.map((option) => (
            <option key={option}>{option}</option>
          ))}
        </select>
      ) : (
        <input
          id={id}
          className="param__input"
          value={text}
          spellCheck={false}
          {...(placeholder ? { placeholder } : {})}
          autoComplete="off"
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          onChange={(e) => check(e.target.value)}
          onBlur={() => commit(text)}
          onKeyDown={onKeyDown}
        />
      )}
      <span id={hintId} className="param__unit">
        {field.unit}
      </span>
      {error && (
        <span id={errorId} className="param__error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
