/**
 * Rewrites README's parameter table from the parameter table and the kind registry
 * (`npm run docs:params`); test/registry.test.ts fails while README is out of date.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { withParameterTable } from '../src/model/param-docs';

const path = new URL('../README.md', import.meta.url);
writeFileSync(path, withParameterTable(readFileSync(path, 'utf8')));
