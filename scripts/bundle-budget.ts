import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

/**
 * The first screen's JavaScript budget (README "Speed"): the entry chunk and every chunk it imports
 * statically, gzip-compressed, must stay within {@link INITIAL_JS_BUDGET_BYTES}. Chunks loaded with
 * `import()` (the deferred dialogs and panels, the charts' plots, mermaid) do not count. Run after
 * `vite build` by `npm run build` and by the browser tests' build step, so a breach fails both.
 */
export const INITIAL_JS_BUDGET_BYTES = 260 * 1024;

/** One entry of Vite's build manifest (`build.manifest`), as far as the budget needs it. */
export interface ManifestChunk {
  readonly file: string;
  readonly isEntry?: boolean;
  readonly imports?: readonly string[];
  readonly dynamicImports?: readonly string[];
}

export type Manifest = Readonly<Record<string, ManifestChunk>>;

/** The files the browser must load before the app starts: the entries and their static imports, transitively. */
export function initialFiles(manifest: Manifest): string[] {
  const seen = new Set<string>();
  const files: string[] = [];
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`the manifest names a chunk it does not list: ${key}`);
    files.push(chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  const entries = Object.keys(manifest).filter((key) => manifest[key]?.isEntry);
  if (entries.length === 0) throw new Error('the manifest has no entry chunk');
  for (const entry of entries) visit(entry);
  return files;
}

/** Each initial file of the build in `outDir` with its gzip size (level 9, as servers compress). */
export function initialSizes(outDir: string): { readonly file: string; readonly gzipBytes: number }[] {
  const manifest = JSON.parse(readFileSync(join(outDir, '.vite', 'manifest.json'), 'utf8')) as Manifest;
  return initialFiles(manifest)
    .filter((file) => file.endsWith('.js'))
    .map((file) => ({ file, gzipBytes: gzipSync(readFileSync(join(outDir, file)), { level: 9 }).length }));
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

/** Prints the initial chunks and their total; exits with 1 when the total is over budget. */
function main(outDir: string): void {
  const sizes = initialSizes(outDir).sort((a, b) => b.gzipBytes - a.gzipBytes);
  const total = sizes.reduce((sum, s) => sum + s.gzipBytes, 0);
  for (const { file, gzipBytes } of sizes) console.log(`  ${kib(gzipBytes).padStart(10)}  ${file}`);
  const verdict = total <= INITIAL_JS_BUDGET_BYTES ? 'within' : 'OVER';
  console.log(
    `Initial JS: ${kib(total)} gzip in ${sizes.length} files, ${verdict} the budget of ${kib(INITIAL_JS_BUDGET_BYTES)}.`,
  );
  if (total > INITIAL_JS_BUDGET_BYTES) {
    console.error(
      'The first screen loads too much JavaScript: defer what it does not show (src/ui/lazy/parts.ts).',
    );
    process.exitCode = 1;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main(process.argv[2] ?? 'dist');
