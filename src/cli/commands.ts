import { compareCommand, sweepCommand } from './analysis-commands';
import { checkCommand } from './check';
import { convertCommand } from './convert';
import type { Command } from './io';
import { shareCommand } from './share';
import { simulateCommand } from './simulate';
import { testCommand } from './test-command';

/**
 * Every `archplay` command. A new one (e.g. `simulate`) is a {@link Command} in its own file, added
 * here; main.ts parses options from its `options` and prints its `usage` on mistakes.
 */
export const COMMANDS: readonly Command[] = [
  checkCommand,
  convertCommand,
  shareCommand,
  simulateCommand,
  sweepCommand,
  compareCommand,
  testCommand,
];
