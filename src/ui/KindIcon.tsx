import { KINDS, type NodeKind } from '../model/kinds';

/** The icon of a node kind; decorative (the kind is also written out next to it). */
export function KindIcon({ kind, size = 20 }: { readonly kind: NodeKind; readonly size?: number }) {
  return (
    <svg
      className="kind-icon"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
    >
      <path d={KINDS[kind].icon} />
    </svg>
  );
}
