import './gallery.css';
import { DeferredDialogButton } from '../lazy/DeferredDialogButton';
import { PresetGalleryPart } from '../lazy/parts';

/** The top bar's "Presets" button; the gallery it opens is a chunk of its own. */
export function PresetsButton() {
  return (
    <DeferredDialogButton
      part={PresetGalleryPart}
      what="the presets"
      title="Open a preset architecture with a lesson"
    >
      <span aria-hidden="true">▦</span> Presets
    </DeferredDialogButton>
  );
}
