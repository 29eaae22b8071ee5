import { useId, type ReactNode } from 'react';

/** What a field's control needs to be labelled and described by its error (aria-invalid, aria-describedby). */
interface ControlProps {
  readonly id: string;
  readonly className: string;
  readonly 'aria-invalid'?: boolean;
  readonly 'aria-describedby'?: string;
}

interface Props {
  readonly label: string;
  readonly unit?: string;
  readonly error: string | null;
  readonly wide?: boolean;
  readonly children: (props: ControlProps) => ReactNode;
}

/** One labelled field of the alert form, with its unit and its inline error. */
export function AlertField({ label, unit, error, wide = false, children }: Props) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div className={`param ${error ? 'param--invalid' : ''} ${wide ? 'alert-form__wide' : ''}`}>
      <label className="param__label" htmlFor={id}>
        {label}
      </label>
      <span className="alert-form__control">
        {children({
          id,
          className: 'param__input',
          ...(error ? { 'aria-invalid': true, 'aria-describedby': errorId } : {}),
        })}
        {unit && <span className="alert-form__unit">{unit}</span>}
      </span>
      {error && (
        <span id={errorId} className="param__error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
