/**
 * A preset's one-sentence lesson split where it turns from what happens to what to watch: "Server 1
 * fails at 60 s: watch requests fail…" → scenario "Server 1 fails at 60 s", watch "Requests fail…".
 * A sentence without a colon is all scenario.
 */
export function lessonParts(lesson: string): { readonly scenario: string; readonly watch: string | null } {
  const colon = lesson.indexOf(': ');
  if (colon < 0) return { scenario: lesson, watch: null };
  const watch = lesson.slice(colon + 2).replace(/^watch\s+/i, '');
  return { scenario: lesson.slice(0, colon), watch: watch.charAt(0).toUpperCase() + watch.slice(1) };
}
