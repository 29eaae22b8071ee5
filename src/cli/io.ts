/** What a command may do to the outside world; tests pass their own. */
export interface CliIo {
  readonly cwd: string;
  stdout(text: string): void;
  stderr(text: string): void;
  readFile(path: string): Promise<string>;
  writeFile(path: string, text: string): Promise<void>;
}

/** A command of `archplay <name> …` (DESIGN.md §6). Add one to {@link COMMANDS} in commands.ts. */
export interface Command {
  readonly name: string;
  /** One line for the overall usage text. */
  readonly summary: string;
  /** The command's own usage line, e.g. `archplay check <file>`. */
  readonly usage: string;
  /** Options in `node:util` parseArgs form. */
  readonly options: Readonly<Record<string, { type: 'string' | 'boolean'; short?: string }>>;
  /** Runs with the positional arguments and option values; returns the exit code (0 ok, 1 invalid input). */
  run(
    positionals: readonly string[],
    values: Readonly<Record<string, string | boolean | undefined>>,
    io: CliIo,
  ): Promise<number>;
}

/** Exit codes: 0 success, 1 invalid input (the file), 2 wrong usage (the command line). */
export const EXIT_OK = 0;
export const EXIT_INVALID = 1;
export const EXIT_USAGE = 2;

/** Thrown by a command for a usage mistake; main prints it with the usage and exits 2. */
export class UsageError extends Error {}
