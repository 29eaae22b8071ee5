import { useId } from 'react';
import type { GalleryPreset } from '../../model/preset-gallery';

interface Props {
  readonly preset: GalleryPreset;
  /** The name of the figure the preset is about ("Writes lost"). */
  readonly headline: string;
  readonly current: boolean;
  readonly loading: boolean;
  readonly disabled: boolean;
  readonly onOpen: () => void;
}

/** One preset of the gallery: a button named by its title, described by its lesson. */
export function PresetCard({ preset, headline, current, loading, disabled, onOpen }: Props) {
  const id = useId();
  return (
    <button
      type="button"
      className={`preset-card ${current ? 'preset-card--current' : ''}`}
      onClick={onOpen}
      disabled={disabled}
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-lesson`}
      aria-busy={loading || undefined}
    >
      <span className="preset-card__top">
        <span id={`${id}-title`} className="preset-card__title">
          {preset.title}
        </span>
        {current && <span className="preset-card__badge">open</span>}
      </span>
      <span id={`${id}-lesson`} className="preset-card__lesson">
        {preset.lesson}
      </span>
      <span className="preset-card__foot">
        <span className="preset-card__metric">Watch · {headline}</span>
        <span className="preset-card__action">{loading ? 'Loading…' : 'Open →'}</span>
      </span>
    </button>
  );
}
