#!/usr/bin/env node
// Launcher for the TypeScript CLI in src/cli: tsx compiles it on the fly (tsx is a dependency).
import { register } from 'tsx/esm/api';

register();
const { main } = await import(new URL('../src/cli/main.ts', import.meta.url).href);
process.exitCode = await main(process.argv.slice(2));
