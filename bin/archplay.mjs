#!/usr/bin/env node
// Launcher for the CLI: runs the compiled bundle of src/cli (scripts/build-node.mjs; `npm install` builds
// it through the `prepare` script, `npm run build:cli` rebuilds it after a change).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = new URL('../build/cli/archplay.mjs', import.meta.url);
if (!existsSync(fileURLToPath(bundle))) {
  process.stderr.write(
    'archplay: the CLI is not built yet; run `npm install` or `npm run build:cli` first.\n',
  );
  process.exit(1);
}
// Stack traces of a crash point into src/cli, not into the bundle.
process.setSourceMapsEnabled(true);
const { main } = await import(bundle.href);
process.exitCode = await main(process.argv.slice(2));
