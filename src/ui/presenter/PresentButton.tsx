import { useArchStore } from '../../store/store';

/** The top bar's "Present" button: presenter mode at the current step. */
export function PresentButton() {
  const presenting = useArchStore((s) => s.presenting);
  const setPresenting = useArchStore((s) => s.setPresenting);
  return (
    <button
      type="button"
      className="btn"
      aria-pressed={presenting}
      title="Presenter mode: full screen, large type, keyboard control (Esc leaves)"
      onClick={() => setPresenting(!presenting)}
    >
      <span aria-hidden="true">▣</span> Present
    </button>
  );
}
