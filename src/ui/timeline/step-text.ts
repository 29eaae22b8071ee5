/** A step's time written as seconds with millisecond precision, without trailing zeros: "42.137". */
export const stepTimeText = (atSec: number): string => String(Math.round(atSec * 1000) / 1000);

/** Reads a step time typed in seconds ("42", "42.5", "42.5s", "1.5m"); an error message when it is not one. */
export function readStepTime(
  text: string,
  durationSec: number,
): { readonly atSec: number } | { readonly error: string } {
  const match = /^\s*(\d+(?:\.\d*)?|\.\d+)\s*(ms|s|m)?\s*$/i.exec(text);
  if (!match) return { error: 'a time in seconds, e.g. 60 or 1.5m' };
  const unit = (match[2] ?? 's').toLowerCase();
  const atSec = (Number(match[1]) * (unit === 'm' ? 60_000 : unit === 's' ? 1000 : 1)) / 1000;
  if (atSec >= durationSec) return { error: `before the end of the run (${durationSec} s)` };
  return { atSec: Math.round(atSec * 1000) / 1000 };
}
