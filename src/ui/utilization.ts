import { formatFixed } from './format';

/** The green → amber → red scale of utilization (DESIGN.md §10), as a CSS colour. */
export function utilizationColour(utilization: number): string {
  const u = Math.min(1, Math.max(0, Number.isFinite(utilization) ? utilization : 0));
  // Hue 130 (green) at 0 %, 45 (amber) at 60 %, 0 (red) at 100 %.
  const hue = u <= 0.6 ? 130 - (85 * u) / 0.6 : 45 - (45 * (u - 0.6)) / 0.4;
  return `hsl(${formatFixed(hue, 0)} 70% 45%)`;
}
