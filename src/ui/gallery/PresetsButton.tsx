import { Suspense } from 'react';
import './gallery.css';
import { LoadingNote } from '../lazy/LoadingNote';
import { PresetGalleryPart } from '../lazy/parts';
import { useDeferredDialog } from '../lazy/useDeferredDialog';

/** The top bar's "Presets" button; the gallery it opens is a chunk of its own. */
export function PresetsButton() {
  const { open, close, opener } = useDeferredDialog(PresetGalleryPart);
  return (
    <>
      <button
        type="button"
        className="btn"
        {...opener}
        aria-haspopup="dialog"
        title="Open a preset architecture with a lesson"
      >
        <span aria-hidden="true">▦</span> Presets
      </button>
      {open && (
        <Suspense fallback={<LoadingNote what="the presets" />}>
          <PresetGalleryPart.Component onClose={close} />
        </Suspense>
      )}
    </>
  );
}
