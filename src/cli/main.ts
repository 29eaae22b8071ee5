/**
 * The `archplay` command line (DESIGN.md §6). A thin shell: it parses arguments, finds the command in
 * the table and hands it an {@link CliIo}; the commands reuse model, mermaid, share and sim.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { COMMANDS } from './commands';
import { EXIT_OK, EXIT_USAGE, UsageError, type CliIo, type Command } from './io';

export function usageText(commands: readonly Command[] = COMMANDS): string {
  const width = Math.max(...commands.map((c) => c.usage.length));
  return ['Usage:', ...commands.map((c) => `  ${c.usage.padEnd(width)}  ${c.summary}`), ''].join('\n');
}

/** Runs `archplay` with the arguments after the program name; returns the exit code. */
export async function main(
  argv: readonly string[],
  io: CliIo = nodeIo(),
  commands: readonly Command[] = COMMANDS,
): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? io.stderr : io.stdout)(usageText(commands));
    return name === undefined ? EXIT_USAGE : EXIT_OK;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.stderr(`archplay: unknown command "${name}"\n${usageText(commands)}`);
    return EXIT_USAGE;
  }
  try {
    const parsed = parseArgs({
      args: [...rest],
      options: { ...command.options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
    if (parsed.values.help === true) {
      io.stdout(`Usage: ${command.usage}\n`);
      return EXIT_OK;
    }
    return await command.run(
      parsed.positionals,
      parsed.values as Record<string, string | boolean | undefined>,
      io,
    );
  } catch (error) {
    const isUsage =
      error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    if (!isUsage) throw error;
    io.stderr(`archplay ${command.name}: ${(error as Error).message}\nUsage: ${command.usage}\n`);
    return EXIT_USAGE;
  }
}

export function nodeIo(): CliIo {
  return {
    cwd: process.cwd(),
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    readFile: (path) => readFile(path, 'utf8'),
    writeFile: (path, text) => writeFile(path, text, 'utf8'),
  };
}
