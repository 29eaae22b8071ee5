import type { Ref } from 'react';
import { openSourceFile } from './source-sync';

/**
 * The hidden file picker for Mermaid, Markdown and JSON files, opened by a visible button through `ref`.
 * The source panel's Open file and the Export menu's Import both use it, so they accept the same files.
 */
export function SourceFileInput({
  ref,
  label,
}: {
  readonly ref: Ref<HTMLInputElement>;
  readonly label: string;
}) {
  return (
    <input
      ref={ref}
      type="file"
      accept=".mmd,.mermaid,.md,.markdown,.json,.txt"
      hidden
      aria-label={label}
      onChange={(e) => {
        const file = e.target.files?.[0];
        // Cleared, so that choosing the same file again opens it again.
        e.target.value = '';
        if (file) void openSourceFile(file);
      }}
    />
  );
}
