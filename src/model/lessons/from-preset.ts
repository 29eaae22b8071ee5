import { GALLERY } from '../preset-gallery';

/**
 * A gallery preset's Mermaid text as the base of a lesson, so that the lessons and the gallery show the
 * same architectures. `keepScenario: false` drops its `%% @at` fault lines (the learner causes the
 * faults); `sim` replaces its run settings (a lesson is shorter than a free run).
 */
export function presetText(id: string, options: { keepScenario?: boolean; sim?: string } = {}): string {
  const preset = GALLERY.find((p) => p.id === id);
  if (!preset) throw new Error(`no gallery preset "${id}"`);
  return preset.mermaid
    .split('\n')
    .filter((line) => options.keepScenario !== false || !line.startsWith('%% @at '))
    .map((line) =>
      options.sim !== undefined && line.startsWith('%% @sim ') ? `%% @sim ${options.sim}` : line,
    )
    .join('\n');
}
