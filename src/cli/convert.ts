import { toMermaid } from '../mermaid/export';
import { documentToJson } from '../share/document-json';
import { EXIT_INVALID, EXIT_OK, UsageError, type Command } from './io';
import { loadDocument } from './load-document';

/**
 * `archplay convert <file|link> --to mermaid|json [--out FILE]`: the document in the other format. A
 * share link (`https://…#v1.…`, `#v1.…` or `v1.…`) is decoded by the browser's own decoder.
 */
export const convertCommand: Command = {
  name: 'convert',
  summary: 'convert between Mermaid and JSON, or decode a share link',
  usage: "archplay convert <file|'link'> --to mermaid|json [--out FILE]",
  options: { to: { type: 'string', short: 't' }, out: { type: 'string', short: 'o' } },
  async run(positionals, values, io) {
    const [file, ...extra] = positionals;
    if (file === undefined || extra.length > 0)
      throw new UsageError('convert takes exactly one file or link');
    const to = values.to;
    if (to !== 'mermaid' && to !== 'json') throw new UsageError('--to must be mermaid or json');
    const loaded = await loadDocument(file, io);
    if (!loaded.ok) {
      for (const line of loaded.errors) io.stderr(`${line}\n`);
      return EXIT_INVALID;
    }
    const text = to === 'mermaid' ? toMermaid(loaded.document) : documentToJson(loaded.document);
    const out = values.out;
    if (typeof out === 'string') await io.writeFile(out, text);
    else io.stdout(text);
    return EXIT_OK;
  },
};
