#!/usr/bin/env node
/**
 * Compiles the Node entry points to plain JavaScript with esbuild: the CLI (`build/cli/archplay.mjs`,
 * which bin/archplay.mjs runs) and the engine benchmark (`build/bench/engine.bench.mjs`). Each is one
 * ES module holding archplay's own code; packages in node_modules stay imports, loaded at run time.
 *
 * `npm install` runs it (the `prepare` script), `npm run build:cli` and `npm run bench` too, and the unit
 * tests' global setup rebuilds the CLI so the spawned CLI tests never run a stale bundle.
 *
 * Usage: node scripts/build-node.mjs [cli] [bench]   (no argument: both)
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The entry points by name: what each compiles, and where the result goes. */
export const TARGETS = {
  cli: { entry: 'src/cli/main.ts', outfile: 'build/cli/archplay.mjs' },
  bench: { entry: 'bench/engine.bench.ts', outfile: 'build/bench/engine.bench.mjs' },
};

/** Builds the named targets; resolves when they are written, rejects with esbuild's errors. */
export async function buildNode(names = Object.keys(TARGETS)) {
  await Promise.all(
    names.map((name) => {
      const target = TARGETS[name];
      if (!target)
        throw new Error(`unknown build target "${name}" (known: ${Object.keys(TARGETS).join(', ')})`);
      return build({
        absWorkingDir: ROOT,
        entryPoints: [target.entry],
        outfile: target.outfile,
        bundle: true,
        platform: 'node',
        format: 'esm',
        target: 'node20',
        packages: 'external',
        sourcemap: 'linked',
        logLevel: 'warning',
      });
    }),
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const names = process.argv.slice(2);
  await buildNode(names.length > 0 ? names : undefined);
}
