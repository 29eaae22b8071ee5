import { validateDocument } from '../model/validate';
import { EXIT_INVALID, EXIT_OK, UsageError, type Command } from './io';
import { loadDocument } from './load-document';

/** `archplay check <file>`: errors as `FILE:LINE:COL message` and exit 1; a one-line summary otherwise. */
export const checkCommand: Command = {
  name: 'check',
  summary: 'validate a diagram: errors as FILE:LINE:COL message, exit 1',
  usage: 'archplay check <file.mmd|file.md|file.json>',
  options: {},
  async run(positionals, _values, io) {
    const [file, ...extra] = positionals;
    if (file === undefined || extra.length > 0) throw new UsageError('check takes exactly one file');
    const loaded = await loadDocument(file, io);
    if (!loaded.ok) {
      for (const line of loaded.errors) io.stderr(`${line}\n`);
      return EXIT_INVALID;
    }
    const issues = validateDocument(loaded.document);
    if (issues.length > 0) {
      for (const issue of issues) io.stderr(`${file}:1:1 ${issue.path}: ${issue.message}\n`);
      return EXIT_INVALID;
    }
    for (const notice of loaded.notices) io.stderr(`${notice.replace(/^(\S+:\d+:\d+) /, '$1 note: ')}\n`);
    const doc = loaded.document;
    const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
    io.stdout(
      `${file}: ok — ${count(doc.nodes.length, 'node')}, ${count(doc.edges.length, 'edge')}, ${count(doc.groups.length, 'group')}, ${count(doc.scenario.length, 'scenario step')}\n`,
    );
    return EXIT_OK;
  },
};
