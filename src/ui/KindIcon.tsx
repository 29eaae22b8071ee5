import type { NodeKind } from '../model/types';

/** Line drawings of each kind, on a 24×24 grid. */
const PATHS: Readonly<Record<NodeKind, string>> = {
  client: 'M3 4h18v12H3z M8 20h8 M12 16v4',
  lb: 'M3 12h6 M9 12l6-6h6 M9 12l6 6h6 M18 3l3 3-3 3 M18 15l3 3-3 3',
  service: 'M4 4h16v6H4z M4 14h16v6H4z M7 7h.01 M7 17h.01 M11 7h6 M11 17h6',
  database:
    'M4 6c0-1.7 3.6-3 8-3s8 1.3 8 3-3.6 3-8 3-8-1.3-8-3z M4 6v12c0 1.7 3.6 3 8 3s8-1.3 8-3V6 M4 12c0 1.7 3.6 3 8 3s8-1.3 8-3',
  queue: 'M3 7h18 M3 12h18 M3 17h18 M7 4v16',
  cache: 'M13 2L4 14h7l-1 8 9-12h-7z',
  limiter: 'M5 20a9 9 0 1114 0 M12 13l4-5 M12 13h.01 M8 20h8',
  dns: 'M12 3a9 9 0 100 18 9 9 0 000-18z M3 12h18 M12 3c2.5 2.5 3.5 5.5 3.5 9s-1 6.5-3.5 9 M12 3c-2.5 2.5-3.5 5.5-3.5 9s1 6.5 3.5 9',
};

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
      <path d={PATHS[kind]} />
    </svg>
  );
}
