import type { ExpectationResult } from '../../analysis/expectation-check';

const WORD = { pass: 'pass', fail: 'fail', unmeasured: 'not measured' } as const;

/** Expectations judged over runs: each with pass or fail, what was measured and where. */
export function ExpectationVerdicts({
  results,
  label,
}: {
  readonly results: readonly ExpectationResult[];
  readonly label: string;
}) {
  if (results.length === 0) return null;
  return (
    <ul className="expect-verdicts" aria-label={label}>
      {results.map((r, i) => (
        <li key={`${i}:${r.text}`} className={`expect-verdict expect-verdict--${r.status}`}>
          <span className={`expect-state expect-state--${r.status}`}>{WORD[r.status]}</span>
          <code className="expect-verdict__text">{r.text}</code>
          <span className="expect-verdict__measured">{r.summary}</span>
          <span className="expect-verdict__where">{r.where}</span>
        </li>
      ))}
    </ul>
  );
}
