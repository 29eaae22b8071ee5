import { useRef, useState } from 'react';
import './gallery.css';
import { GALLERY, type GalleryPreset } from '../../model/preset-gallery';
import { selectOpenPreset } from '../../store/state-selectors';
import { useArchStore } from '../../store/store';
import { Dialog } from '../dialog/Dialog';
import { STATE_LABELS } from '../metrics/state-metrics';
import { PresetCard } from './PresetCard';

/** The headline figure of a preset, as the run totals name it. */
export const headlineLabel = (preset: Pick<GalleryPreset, 'headline'>): string =>
  preset.headline === 'failed' ? 'Failed requests' : STATE_LABELS[preset.headline];

/**
 * The preset gallery the top bar's "Presets" button opens (a chunk of its own): a modal dialog of
 * lessons, each loadable in one click. The dialog is the browser's own (`showModal`): the page behind
 * is inert, focus stays inside, and Escape closes it. Mermaid is imported on the first load, so it
 * stays out of the main bundle.
 */
export function PresetGallery({ onClose }: { readonly onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const openPreset = useArchStore(selectOpenPreset);
  const [loading, setLoading] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const close = () => dialog.current?.close();

  const load = async (preset: GalleryPreset) => {
    setLoading(preset.id);
    setError(null);
    try {
      const { parseMermaid } = await import('../../mermaid');
      const parsed = await parseMermaid(preset.mermaid);
      if (!parsed.ok) {
        setError(`“${preset.title}” does not parse: ${parsed.errors[0]?.message ?? 'unknown error'}`);
        return;
      }
      useArchStore.getState().openGalleryPreset(parsed.document, preset);
      close();
    } catch (cause) {
      setError(
        `“${preset.title}” could not be loaded: ${cause instanceof Error ? cause.message : String(cause)}`,
      );
    } finally {
      setLoading(null);
    }
  };

  return (
    <Dialog
      ref={dialog}
      id="gallery"
      className="gallery"
      title="Presets"
      intro="Each preset is a Mermaid diagram with a scenario. Open one, press Play, and watch its figure."
      closeLabel="Close presets"
      onClose={onClose}
      error={error}
    >
      <ul className="gallery__grid">
        {GALLERY.map((preset) => (
          <li key={preset.id}>
            <PresetCard
              preset={preset}
              headline={headlineLabel(preset)}
              current={openPreset?.id === preset.id}
              loading={loading === preset.id}
              disabled={loading !== null}
              onOpen={() => void load(preset)}
            />
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
