import type { LessonSource } from '../../model/lessons';
import { useArchStore } from '../../store/store';

/**
 * Parses a lesson's Mermaid text (mermaid is imported on first use, out of the main bundle) and opens it
 * at step 1. Resolves to an error message, or null when the lesson is open.
 */
export async function openLesson(source: LessonSource): Promise<string | null> {
  try {
    const { parseMermaid } = await import('../../mermaid');
    const parsed = await parseMermaid(source.mermaid);
    if (!parsed.ok) return `The lesson does not parse: ${parsed.errors[0]?.message ?? 'unknown error'}`;
    useArchStore.getState().openLessonDocument(parsed.document);
    return null;
  } catch (cause) {
    return `The lesson could not be loaded: ${cause instanceof Error ? cause.message : String(cause)}`;
  }
}

/** The lesson's title as written in its `%% @lesson` line, read without parsing the whole document. */
export function lessonTitleOf(source: LessonSource): string {
  const line = source.mermaid.split('\n').find((l) => l.startsWith('%% @lesson '));
  const match = /title=("(?:[^"\\]|\\.)*")/.exec(line ?? '');
  return match?.[1] ? String(JSON.parse(match[1])) : source.id;
}

/** The lesson's summary, read the same way. */
export function lessonSummaryOf(source: LessonSource): string {
  const line = source.mermaid.split('\n').find((l) => l.startsWith('%% @lesson '));
  const match = /summary=("(?:[^"\\]|\\.)*")/.exec(line ?? '');
  return match?.[1] ? String(JSON.parse(match[1])) : '';
}
