/**
 * Vitest global setup: compiles the CLI (scripts/build-node.mjs) before any test runs, so the tests that
 * spawn `node bin/archplay.mjs` exercise the bundle of the source under test, on a fresh clone too.
 */
import { buildNode } from '../../scripts/build-node.mjs';

export default async function setup(): Promise<void> {
  await buildNode(['cli']);
}
