import type { Mitigation } from '../../analysis/mitigation';

/**
 * The open metastable preset's mitigation as one click (README "Metastable failures"): it ticks the
 * variant as B and runs A and B, so the failure and its fix are side by side without knowing which of
 * the variants below is the fix.
 */
export function MitigationOffer({
  mitigation,
  disabled,
  onTry,
}: {
  readonly mitigation: Mitigation;
  readonly disabled: boolean;
  readonly onTry: () => void;
}) {
  const { preset, variant } = mitigation;
  return (
    <section className="insight-mitigation" aria-label="Mitigation">
      <p className="insight-mitigation__text">
        <strong>{preset.title}</strong> has a mitigation to try: B with <em>{variant.label}</em>, same seed,
        same trigger.
      </p>
      <button type="button" className="btn btn--primary" onClick={onTry} disabled={disabled}>
        Try the mitigation: {variant.label}
      </button>
    </section>
  );
}
