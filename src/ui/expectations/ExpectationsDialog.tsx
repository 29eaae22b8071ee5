import { useState, type FormEvent } from 'react';
import { parseExpectation } from '../../model/expectation-text';
import { selectExpectations } from '../../store/state-selectors';
import { useArchStore } from '../../store/store';
import { Dialog } from '../dialog/Dialog';
import { useLiveExpectations } from './useLiveExpectations';
import './expectations.css';

const WORD = { pass: 'pass', fail: 'fail', unmeasured: 'pending' } as const;
const EXAMPLES = ['availability >= 99.9%', 'p99 <= 250ms during 60s..120s', 'sweep availability >= 99%'];

/**
 * The Expectations dialog (README.md, "Expectations"): the document's `%% @expect` lines, each with its
 * verdict on the run so far, a Delete button, and a box to add one in the same text form. A mistake is
 * shown under the box with the place it is at; nothing typed is lost.
 */
export function ExpectationsDialog({ onClose }: { readonly onClose: () => void }) {
  const expectations = useArchStore(selectExpectations);
  const setExpectations = useArchStore((s) => s.setExpectations);
  const results = useLiveExpectations();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);

  const add = (e: FormEvent) => {
    e.preventDefault();
    const parsed = parseExpectation(text);
    if (!parsed.ok) {
      setError(`At character ${parsed.offset + 1}: ${parsed.error}${parsed.hint ? ` (${parsed.hint})` : ''}`);
      return;
    }
    const refused = setExpectations([...expectations, parsed.expectation]);
    if (refused) {
      setError(refused);
      return;
    }
    setError(null);
    setText('');
  };

  return (
    <Dialog
      id="expectations"
      className="expectations"
      title="Expectations"
      intro="Promises this design must keep, written as in the file (%% @expect …). Checked live on the run so far; Run 30 seeds (Insight › Seeds) checks them over seeds and every single failure, and npx archplay test checks them in CI. Editing restarts the run."
      closeLabel="Close expectations"
      onClose={onClose}
    >
      {results.length === 0 ? (
        <p className="muted alerts__empty">No expectations yet: add one below.</p>
      ) : (
        <ul className="expect-list" aria-label="Expectations list">
          {results.map((r, i) => (
            <li key={`${i}:${r.text}`} className={`expect-item expect-item--${r.status}`}>
              <span className={`expect-state expect-state--${r.status}`}>{WORD[r.status]}</span>
              <code className="expect-item__text">{r.text}</code>
              <span className="expect-item__measured">{r.summary}</span>
              <button
                type="button"
                className="btn btn--small"
                aria-label={`Delete expectation ${r.text}`}
                onClick={() => setExpectations(expectations.filter((_, j) => j !== i))}
              >
                Delete
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="expect-form" onSubmit={add}>
        <label className="expect-form__label" htmlFor="new-expectation">
          New expectation
        </label>
        <div className="expect-form__row">
          <input
            id="new-expectation"
            className="expect-form__input"
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder={EXAMPLES[0]}
            spellCheck={false}
            aria-invalid={error !== null}
            aria-describedby={error ? 'new-expectation-error' : 'new-expectation-examples'}
          />
          <button type="submit" className="btn btn--primary">
            Add
          </button>
        </div>
        {error ? (
          <p id="new-expectation-error" className="insight-error" role="alert">
            {error}
          </p>
        ) : (
          <p id="new-expectation-examples" className="insight-hint">
            For example: {EXAMPLES.map((x) => `“${x}”`).join(', ')}, S1.utilization &lt; 80%, availability
            &gt;= 99.9% at 95%.
          </p>
        )}
      </form>
    </Dialog>
  );
}
