/**
 * Rewrites README's parameter table from the parameter table and the kind registry
 * (`npm run docs:params`); test/registry.test.ts fails while README is out of date. README is written
 * as Prettier formats it (its columns padded), so `npx prettier --check README.md` stays clean.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { withParameterTable } from '../src/model/param-docs';

const path = fileURLToPath(new URL('../README.md', import.meta.url));
const readme = withParameterTable(readFileSync(path, 'utf8'));
writeFileSync(path, await format(readme, { ...(await resolveConfig(path)), filepath: path }));
