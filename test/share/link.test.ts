import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ACTIVE_ACTIVE } from '../../src/model/presets';
import { bytesToBase64url } from '../../src/share/base64url';
import { decodeLink, encodeLink, LINK_VERSION, linkUrl, looksLikeLink } from '../../src/share/link';
import {
  isTooLongForUrl,
  MAX_LINK_CHARS,
  MAX_LINK_INPUT_CHARS,
  MAX_LINK_JSON_BYTES,
  MAX_SHAREABLE_URL_CHARS,
} from '../../src/share/link-limits';
import {
  decoded,
  failure,
  FROZEN_V1_JSON,
  FROZEN_V1_LINK,
  frozenV1Document,
  linkOfData,
  seedData,
  textOfV1Link,
  v1LinkOfText,
} from './link-fixtures';

const seed = ACTIVE_ACTIVE.document;

describe('share link format (v1)', () => {
  it('is a version prefix and base64url without padding, and decodes to the same document', async () => {
    const link = await encodeLink(seed);
    expect(link).toMatch(/^v1\.[A-Za-z0-9_-]+$/);
    expect(LINK_VERSION).toBe('v1');
    expect(link.length).toBeLessThan(1000);
    expect(await decoded(link)).toStrictEqual(seed);
  });

  it('decodes the frozen v1 link of the seed preset to the same document, forever', async () => {
    expect(await decoded(FROZEN_V1_LINK)).toStrictEqual(frozenV1Document());
    // Its content is exactly the compact canonical JSON of the document.
    expect(await textOfV1Link(FROZEN_V1_LINK)).toBe(FROZEN_V1_JSON);
  });

  it('encodes the frozen document to the same content today (the compressed bytes may differ by platform)', async () => {
    // Deflate output depends on the zlib build (Node's and Chromium's differ), so the pin is on what a
    // link holds and decodes to; decoding the frozen string above is the promise that never changes.
    expect(await textOfV1Link(await encodeLink(frozenV1Document()))).toBe(FROZEN_V1_JSON);
  });

  it('builds full URLs from a base, replacing any fragment the base has', () => {
    expect(linkUrl('http://localhost:5173/', 'v1.abc')).toBe('http://localhost:5173/#v1.abc');
    expect(linkUrl('https://x.org/app?embed=1#old', 'v1.abc')).toBe('https://x.org/app?embed=1#v1.abc');
  });

  it('says when a URL is too long to send as a link', async () => {
    const url = linkUrl('http://localhost:5173/', await encodeLink(seed));
    expect(isTooLongForUrl(url)).toBe(false);
    expect(isTooLongForUrl('x'.repeat(MAX_SHAREABLE_URL_CHARS))).toBe(false);
    expect(isTooLongForUrl('x'.repeat(MAX_SHAREABLE_URL_CHARS + 1))).toBe(true);
  });

  it('tells links from file paths on a command line', () => {
    for (const link of [
      'https://a.b/#v1.x',
      'http://localhost:5173/#v1.x',
      '#v1.x',
      'v1.eJx',
      ' v2.abc ',
      '%23v1.x',
    ])
      expect(looksLikeLink(link), link).toBe(true);
    for (const file of [
      'seed.mmd',
      'v1.mmd',
      'v1.json',
      'v2.md',
      'docs/v1.eJx',
      './v1.x',
      'topology.mermaid',
    ])
      expect(looksLikeLink(file), file).toBe(false);
  });
});

describe('share links as people paste them', () => {
  it('accepts a full URL, a fragment with or without #, surrounding whitespace and sentence punctuation', async () => {
    const link = FROZEN_V1_LINK;
    const forms = [
      `https://archplay.example/app/#${link}`,
      `http://localhost:5173/?embed=1#${link}`,
      `#${link}`,
      link,
      `  \n\t${link}  \r\n`,
      `<https://archplay.example/#${link}>`,
      `(https://archplay.example/#${link}).`,
      `https://archplay.example/#${link},`,
      `"#${link}"`,
    ];
    for (const form of forms)
      expect(await decoded(form), form.slice(0, 40)).toStrictEqual(frozenV1Document());
  });

  it('accepts line breaks, spaces and zero-width characters inserted anywhere', async () => {
    const link = FROZEN_V1_LINK;
    const wrapped = link.match(/.{1,60}/g)?.join('\r\n') ?? '';
    const spaced = link.match(/.{1,7}/g)?.join(' ') ?? '';
    const zeroWidth = link.match(/.{1,50}/g)?.join('\u200b') ?? '';
    for (const form of [wrapped, spaced, zeroWidth, `https://x.org/\n#${wrapped}`])
      expect(await decoded(form)).toStrictEqual(frozenV1Document());
  });

  it('accepts percent-encoding, once or twice, of any character including # and line breaks', async () => {
    const link = FROZEN_V1_LINK;
    const encodeAll = (text: string) =>
      [...text].map((c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0').toUpperCase()}`).join('');
    const forms = [
      `https://x.org/%23${link}`,
      `https://x.org/#${encodeAll(link)}`,
      `https://x.org/%2523${link.slice(0, 30)}%250A${link.slice(30)}`,
      `${link.slice(0, 100)}%20${link.slice(100, 200)}%0D%0A${link.slice(200)}`,
    ];
    for (const form of forms)
      expect(await decoded(form), form.slice(0, 40)).toStrictEqual(frozenV1Document());
  });
});

describe('share links that do not open', () => {
  const link = FROZEN_V1_LINK;
  const at = 200;

  it.each([
    ['+', 'the "+" of standard base64', `${link.slice(0, at)}+${link.slice(at + 1)}`],
    ['/', 'the "/" of standard base64', `${link.slice(0, at)}/${link.slice(at + 1)}`],
    ['=', 'base64 padding', `${link}=`],
    ['=', 'base64 padding, twice', `${link}==`],
    ['+', '%2B (an encoded +)', `${link.slice(0, at)}%2B${link.slice(at + 1)}`],
    ['/', '%2F (an encoded /)', `${link.slice(0, at)}%2f${link.slice(at + 1)}`],
    ['%', 'a stray %', `${link.slice(0, at)}%zz${link.slice(at)}`],
    ['U+00E9', 'a non-ASCII letter', `${link.slice(0, at)}é${link.slice(at + 1)}`],
    ['U+0000', 'a NUL byte', `${link.slice(0, at)}\u0000${link.slice(at)}`],
  ])('refuses %s as damaged (%s), naming the character', async (shown, _what, text) => {
    const error = await failure(text);
    expect(error.kind).toBe('damaged');
    expect(error.message).toContain(shown);
  });

  it('refuses flipped bytes as damaged: the checksum catches what still inflates', async () => {
    const swapped = `${link.slice(0, at)}${link[at] === 'A' ? 'B' : 'A'}${link.slice(at + 1)}`;
    expect((await failure(swapped)).kind).toBe('damaged');
    expect((await failure(`${link.slice(0, 3)}AAAA${link.slice(7)}`)).kind).toBe('damaged');
  });

  it('reports links cut short as incomplete', async () => {
    for (const text of [
      '',
      '#',
      '   ',
      'https://x.org/app',
      'https://x.org/app#',
      'v',
      'v1',
      'v1.',
      '#v1.',
      link.slice(0, 400),
      link.slice(0, -1),
    ]) {
      const error = await failure(text);
      expect(error.kind, JSON.stringify(text.slice(0, 20))).toBe('incomplete');
      expect(error.message).toMatch(/^This link (is incomplete|holds no document)/);
    }
  });

  it('reports links of a newer format as newer-version, and unknown tags as unknown-version', async () => {
    const newer = await failure(`v9.${link.slice(3)}`);
    expect(newer).toMatchObject({ kind: 'newer-version', version: 'v9' });
    expect(newer.message).toBe(
      'This link was made by a newer version of archplay (link format v9); this version opens v1 links. Open it in an up-to-date archplay.',
    );
    expect(await failure('https://x.org/#v2.abc')).toMatchObject({ kind: 'newer-version', version: 'v2' });
    expect(await failure('v10.abc')).toMatchObject({ kind: 'newer-version', version: 'v10' });
    expect(await failure('v123456789012345678901234567890.abc')).toMatchObject({ kind: 'newer-version' });
    for (const text of ['v0.abc', 'v01.abc', 'pako:eNqt', 'hello world', '#/settings', 'V1.abc'])
      expect((await failure(text)).kind, text).toBe('unknown-version');
    expect((await failure('pako:eNqt')).message).toMatch(/^This is not an archplay link/);
  });

  it('refuses text over the caps before doing any work on it, saying how large is too large', async () => {
    const long = await failure(`v1.${'A'.repeat(MAX_LINK_CHARS + 1)}`);
    expect(long).toMatchObject({ kind: 'too-large', limit: MAX_LINK_CHARS });
    expect(long.message).toContain('64 KB');
    const pasted = await failure(' '.repeat(MAX_LINK_INPUT_CHARS + 1));
    expect(pasted).toMatchObject({ kind: 'too-large', limit: MAX_LINK_INPUT_CHARS });
    expect(pasted.message).toContain('256 KB');
  });

  it('stops a decompression bomb (45 MB of zeros in a 60 KB link) at the 2 MB cap, quickly', async () => {
    const bomb = `v1.${bytesToBase64url(deflateSync(Buffer.alloc(45 * 1024 * 1024)))}`;
    expect(bomb.length).toBeLessThan(MAX_LINK_CHARS);
    const started = performance.now();
    const error = await failure(bomb);
    const elapsedMs = performance.now() - started;
    expect(error).toMatchObject({ kind: 'too-large', limit: MAX_LINK_JSON_BYTES });
    expect(error.message).toContain('2 MB once decompressed');
    // About 30–100 ms alone; the bound leaves room for a loaded 2-core CI machine.
    expect(elapsedMs).toBeLessThan(750);
  });

  it('refuses a document just over 2 MB once inflated, and reads one just under', async () => {
    const data = seedData();
    const padding = (size: number) => 'x'.repeat(size - JSON.stringify({ ...data, name: '' }).length);
    const under = await decodeLink(await linkOfData({ ...data, name: padding(MAX_LINK_JSON_BYTES) }));
    expect(under.ok).toBe(true);
    const over = await failure(await linkOfData({ ...data, name: padding(MAX_LINK_JSON_BYTES + 1) }));
    expect(over).toMatchObject({ kind: 'too-large', limit: MAX_LINK_JSON_BYTES });
  });

  it('refuses data that is not UTF-8 or not JSON as damaged', async () => {
    const notUtf8 = `v1.${bytesToBase64url(deflateSync(Buffer.from([0x7b, 0xff, 0xfe, 0x7d])))}`;
    expect((await failure(notUtf8)).message).toContain('not UTF-8');
    for (const text of ['{"name": "x",', '{"nodes": NaN}', '', 'undefined', '{"a":1}{"b":2}'])
      expect((await failure(await v1LinkOfText(text))).message, text).toContain('not readable JSON');
  });
});
