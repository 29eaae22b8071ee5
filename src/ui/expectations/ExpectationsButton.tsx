import { DeferredDialogButton } from '../lazy/DeferredDialogButton';
import { ExpectationsDialogPart } from '../lazy/parts';
import { useLiveExpectations } from './useLiveExpectations';
import './expectations.css';

/**
 * The top bar's "Expectations" button, beside Alerts: how many of the document's expectations hold in
 * the run so far, red when one fails. Its dialog (the list, editable) is a chunk of its own.
 */
export function ExpectationsButton() {
  const results = useLiveExpectations();
  const passed = results.filter((r) => r.status === 'pass').length;
  const failed = results.some((r) => r.status === 'fail');
  return (
    <DeferredDialogButton
      part={ExpectationsDialogPart}
      what="Expectations"
      className={`btn ${failed ? 'btn--alerting' : ''}`}
      title="Expectations: promises the design must keep, checked live, over seeds and by archplay test in CI"
    >
      <span aria-hidden="true">✓</span> Expectations
      <span
        className="count-badge"
        aria-label={`${passed} of ${results.length} pass${failed ? ', one or more fail' : ''}`}
      >
        {results.length > 0 ? `${passed}/${results.length}` : 0}
      </span>
    </DeferredDialogButton>
  );
}
