import { GALLERY, type GalleryPreset } from '../model/preset-gallery';
import type { ArchDocument } from '../model/types';
import { variantsOf, type Variant } from './twin';

/** A metastable preset's mitigation, as the twin-run variant that applies it to the open document. */
export interface Mitigation {
  readonly preset: GalleryPreset;
  readonly variant: Variant;
}

/**
 * The mitigation of the gallery preset the document is (README "Metastable failures"): the preset opened
 * from the gallery or a lesson built on it, both named by the preset's title (as `selectOpenPreset`
 * tells the open preset: edits keep it, a new name leaves it). Null when the document is no preset with
 * a mitigation, or its variant no longer applies (the person has already set a retry budget, say).
 */
export function mitigationOf(
  doc: ArchDocument,
  variants: readonly Variant[] = variantsOf(doc),
): Mitigation | null {
  const preset = GALLERY.find((p) => p.mitigation !== undefined && p.title === doc.name);
  const variant = preset && variants.find((v) => v.id === preset.mitigation);
  return preset && variant ? { preset, variant } : null;
}
