import { encodeLink, linkUrl } from '../share/link';
import { isTooLongForUrl, MAX_SHAREABLE_URL_CHARS } from '../share/link-limits';
import { EXIT_INVALID, EXIT_OK, UsageError, type Command } from './io';
import { loadRunnableDocument } from './load-document';

/** Where `share` points links unless `--base` says otherwise: the dev server (`npm run dev`). */
export const DEFAULT_SHARE_BASE = 'http://localhost:5173/';

/**
 * `archplay share <file> [--base URL]`: prints the share link of a document (DESIGN.md §7), made by the
 * same encoder as the app's Share button. A link too long for chat apps is still printed, with a note.
 */
export const shareCommand: Command = {
  name: 'share',
  summary: 'print a share link holding the whole document (decode one with convert)',
  usage: 'archplay share <file.mmd|file.md|file.json> [--base URL]',
  options: { base: { type: 'string', short: 'b' } },
  async run(positionals, values, io) {
    const [file, ...extra] = positionals;
    if (file === undefined || extra.length > 0) throw new UsageError('share takes exactly one file');
    const base = typeof values.base === 'string' ? values.base : DEFAULT_SHARE_BASE;
    if (!URL.canParse(base))
      throw new UsageError(`--base must be a URL such as ${DEFAULT_SHARE_BASE}, not "${base}"`);
    // A link to an invalid document would not open anywhere: refuse it here, as `check` would.
    const doc = await loadRunnableDocument(file, io);
    if (!doc) return EXIT_INVALID;
    const url = linkUrl(base, await encodeLink(doc));
    if (isTooLongForUrl(url))
      io.stderr(
        `${file}: note: the link is ${url.length} characters, over ${MAX_SHAREABLE_URL_CHARS}; chat apps and mail may cut it, so share the JSON file instead (archplay convert ${file} --to json)\n`,
      );
    io.stdout(`${url}\n`);
    return EXIT_OK;
  },
};
