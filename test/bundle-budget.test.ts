import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { INITIAL_JS_BUDGET_BYTES, initialFiles, initialSizes, type Manifest } from '../scripts/bundle-budget';

/**
 * The first screen's JavaScript budget (README "Speed"). The budget itself is checked on the real build
 * by scripts/bundle-budget.ts, run after `vite build` (npm run build, and the browser tests' build step);
 * here: that the check counts the right chunks, and that the deferred parts stay out of the static
 * import graph of the entry, so a new static import of one fails fast, without a build.
 */

const MANIFEST: Manifest = {
  'index.html': {
    file: 'assets/index.js',
    isEntry: true,
    imports: ['_react.js', '_store.js'],
    dynamicImports: ['src/ui/TimePlot.tsx'],
  },
  '_react.js': { file: 'assets/react.js' },
  '_store.js': { file: 'assets/store.js', imports: ['_react.js', 'index.html'] },
  'src/ui/TimePlot.tsx': { file: 'assets/TimePlot.js', imports: ['_recharts.js', 'index.html'] },
  '_recharts.js': { file: 'assets/recharts.js' },
};

describe('bundle budget: the chunks it counts', () => {
  it('counts the entry and its static imports, transitively and once each, not dynamic imports', () => {
    expect(initialFiles(MANIFEST).sort()).toEqual(['assets/index.js', 'assets/react.js', 'assets/store.js']);
  });

  it('refuses a manifest without an entry, or one naming a chunk it does not list', () => {
    expect(() => initialFiles({ a: { file: 'a.js' } })).toThrow(/no entry/);
    expect(() => initialFiles({ e: { file: 'e.js', isEntry: true, imports: ['_gone.js'] } })).toThrow(
      /_gone\.js/,
    );
  });

  it('sums the gzip size of the JavaScript files only', () => {
    const dir = mkdtempSync(join(tmpdir(), 'budget-'));
    mkdirSync(join(dir, '.vite'));
    mkdirSync(join(dir, 'assets'));
    const manifest: Manifest = {
      'index.html': { file: 'assets/index.js', isEntry: true, imports: ['_a.js', '_style.css'] },
      '_a.js': { file: 'assets/a.js' },
      '_style.css': { file: 'assets/style.css' },
    };
    writeFileSync(join(dir, '.vite', 'manifest.json'), JSON.stringify(manifest));
    const index = 'export const x = 1;\n'.repeat(200);
    writeFileSync(join(dir, 'assets', 'index.js'), index);
    writeFileSync(join(dir, 'assets', 'a.js'), 'console.log("a")');
    writeFileSync(join(dir, 'assets', 'style.css'), 'body{}');
    const sizes = initialSizes(dir);
    expect(sizes.map((s) => s.file).sort()).toEqual(['assets/a.js', 'assets/index.js']);
    expect(sizes.find((s) => s.file === 'assets/index.js')?.gzipBytes).toBe(
      gzipSync(index, { level: 9 }).length,
    );
  });

  it('is the 260 KiB of the issue "Speed"', () => {
    expect(INITIAL_JS_BUDGET_BYTES).toBe(260 * 1024);
  });
});

/** Static imports of a source file (`import x from`, `export … from`, side-effect imports), not `import type` or `import()`. */
function staticImports(source: string): string[] {
  const found: string[] = [];
  const pattern = /^\s*(?:import|export)\s+(?!type\b)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;
  for (const match of source.matchAll(pattern)) if (match[1]) found.push(match[1]);
  return found;
}

function resolveSource(from: string, specifier: string): string | null {
  const base = resolve(dirname(from), specifier);
  for (const candidate of [
    base,
    `${base}.ts`,
    `${base}.tsx`,
    join(base, 'index.ts'),
    join(base, 'index.tsx'),
  ])
    if (/\.(ts|tsx)$/.test(candidate) && existsSync(candidate)) return candidate;
  return null;
}

/** Every module and package the entry reaches by static imports. */
function staticGraph(entry: string): { readonly files: Set<string>; readonly packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    for (const specifier of staticImports(readFileSync(file, 'utf8'))) {
      if (specifier.startsWith('.')) {
        const target = resolveSource(file, specifier);
        if (target) visit(target);
      } else {
        packages.add(
          specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!,
        );
      }
    }
  };
  visit(resolve(entry));
  return { files, packages };
}

describe('bundle budget: the deferred parts stay deferred', () => {
  const graph = staticGraph('src/main.tsx');
  const rel = (file: string) => file.slice(resolve('.').length + 1);

  it('follows the real graph (the app, the store and React Flow are in it)', () => {
    expect([...graph.files].map(rel)).toEqual(
      expect.arrayContaining(['src/ui/App.tsx', 'src/store/store.ts']),
    );
    expect(graph.packages).toContain('@xyflow/react');
  });

  it.each(['recharts', 'html-to-image', 'mermaid', '@dagrejs/dagre'])(
    'the first chunk does not import %s',
    (pkg) => {
      expect(graph.packages).not.toContain(pkg);
    },
  );

  it.each([
    'src/ui/TimePlot.tsx',
    'src/ui/share/ShareDialog.tsx',
    'src/ui/insight/InsightPanel.tsx',
    'src/ui/source/SourcePanel.tsx',
    'src/ui/source/MermaidPreview.tsx',
    'src/ui/lessons/LessonPanel.tsx',
    'src/ui/lessons/LessonGallery.tsx',
    'src/ui/gallery/PresetGallery.tsx',
    'src/ui/presenter/PresenterLayer.tsx',
    'src/ui/export/export-actions.ts',
    'src/ui/dagre-layout.ts',
  ])('%s is loaded on demand, not by the first chunk', (file) => {
    expect(existsSync(file)).toBe(true);
    expect([...graph.files].map(rel)).not.toContain(file);
  });
});
