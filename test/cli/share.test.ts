import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { main, nodeIo } from '../../src/cli/main';
import { ACTIVE_ACTIVE } from '../../src/model/presets';
import { documentToJson } from '../../src/share/document-json';
import { decodeLink } from '../../src/share/link';
import { MAX_SHAREABLE_URL_CHARS } from '../../src/share/link-limits';
import { FROZEN_V1_LINK, frozenV1Document } from '../share/link-fixtures';

const ROOT = join(import.meta.dirname, '..', '..');
const scratch = mkdtempSync(join(tmpdir(), 'archplay-share-'));
const SEED = 'test/corpus/seed-active-active.mmd';

async function inProcess(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io = {
    ...nodeIo(),
    stdout: (t: string) => void (stdout += t),
    stderr: (t: string) => void (stderr += t),
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

describe('archplay share', () => {
  it('prints a link to the dev server by default, holding the whole document', async () => {
    const shared = await inProcess('share', SEED);
    expect(shared).toMatchObject({ code: 0, stderr: '' });
    expect(shared.stdout).toMatch(/^http:\/\/localhost:5173\/#v1\.[A-Za-z0-9_-]+\n$/);
    const json = await inProcess('convert', SEED, '--to', 'json');
    const back = await decodeLink(shared.stdout);
    if (!back.ok) throw new Error(back.error.message);
    expect(documentToJson(back.document)).toBe(json.stdout);
  });

  it('--base sets the address, replacing its fragment and keeping its query', async () => {
    const shared = await inProcess('share', SEED, '--base', 'https://docs.example/play/?embed=1#old');
    expect(shared.stdout).toMatch(/^https:\/\/docs\.example\/play\/\?embed=1#v1\.[A-Za-z0-9_-]+\n$/);
    expect(await inProcess('share', SEED, '--base', 'not a url')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--base must be a URL'),
    });
  });

  it('refuses a file that does not load or validate, as check does (exit 1)', async () => {
    const file = join(scratch, 'bad.mmd');
    writeFileSync(file, 'flowchart LR\n  A --> B\n%% @A workers=0\n');
    expect(await inProcess('share', file)).toMatchObject({
      code: 1,
      stdout: '',
      stderr: `${file}:3:15 A workers: needs at least 1 worker\n`,
    });
    expect(await inProcess('share', 'no/such.mmd')).toMatchObject({ code: 1, stdout: '' });
  });

  it('notes on stderr when the link is too long for a URL, and still prints it', async () => {
    const doc = {
      ...ACTIVE_ACTIVE.document,
      name: Array.from({ length: 3000 }, (_, i) => `${(i * 7919) % 10007}`).join(' '),
    };
    const file = join(scratch, 'long.json');
    writeFileSync(file, documentToJson(doc));
    const shared = await inProcess('share', file);
    expect(shared.code).toBe(0);
    expect(shared.stdout.length).toBeGreaterThan(MAX_SHAREABLE_URL_CHARS);
    expect(shared.stderr).toMatch(
      /^.*long\.json: note: the link is \d+ characters, over 8000; .*share the JSON file instead.*\n$/,
    );
  });
});

describe('archplay convert <link>', () => {
  it('decodes a full URL, a #fragment or a bare v1 payload, like the browser', async () => {
    const expected = documentToJson(frozenV1Document());
    for (const link of [
      `https://x.example/#${FROZEN_V1_LINK}`,
      `#${FROZEN_V1_LINK}`,
      FROZEN_V1_LINK,
      ` ${FROZEN_V1_LINK}\n`,
    ])
      expect(await inProcess('convert', link, '--to', 'json')).toEqual({
        code: 0,
        stdout: expected,
        stderr: '',
      });
    const mermaid = await inProcess('convert', FROZEN_V1_LINK, '--to', 'mermaid');
    expect(mermaid.stdout).toContain('flowchart LR');
    expect(mermaid.stdout).toContain('Server1');
  });

  it('a bad link exits 1 with its one-line message', async () => {
    const cases: [string, RegExp][] = [
      [FROZEN_V1_LINK.slice(0, 300), /^This link is incomplete: /],
      [
        `${FROZEN_V1_LINK.slice(0, 100)}+${FROZEN_V1_LINK.slice(101)}`,
        /^This link is damaged: it contains "\+"/,
      ],
      ['https://x.example/#v9.abc', /^This link was made by a newer version of archplay \(link format v9\)/],
      ['https://x.example/#hello', /^This is not an archplay link/],
    ];
    for (const [link, message] of cases) {
      const result = await inProcess('convert', link, '--to', 'json');
      expect(result).toMatchObject({ code: 1, stdout: '' });
      expect(result.stderr).toMatch(message);
      expect(result.stderr.trimEnd()).not.toContain('\n');
    }
  });

  it('check reads links too', async () => {
    expect(await inProcess('check', FROZEN_V1_LINK)).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('ok — 5 nodes'),
    });
  });

  it('spawned: `archplay convert <link>` (what `npx archplay` runs) decodes a link made by `share`', async () => {
    const shared = await inProcess('share', SEED);
    const converted = await promisify(execFile)(
      process.execPath,
      [join(ROOT, 'bin', 'archplay.mjs'), 'convert', shared.stdout.trim(), '--to', 'json'],
      { cwd: ROOT },
    );
    expect(converted.stdout).toBe((await inProcess('convert', SEED, '--to', 'json')).stdout);
  });
});
