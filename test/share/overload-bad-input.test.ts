import { describe, expect, it } from 'vitest';
import type { ArchDocument } from '../../src/model/types';
import { documentFromJson } from '../../src/share/document-json';
import { decodeLink, encodeLink } from '../../src/share/link';
import { BASE_JSON, CASES, type Json } from '../support/overload-bad-input';

/**
 * The overload keys' bad values in a JSON file and in a share link: each refused with the field path
 * of the value (the Mermaid side: test/overload-bad-input.test.ts).
 */
describe('bad values of the overload keys, in JSON and links', () => {
  it('the base document reads', () => {
    expect(documentFromJson(BASE_JSON).ok).toBe(true);
  });

  it.each(CASES)('$path ($line)', async ({ json, path, jsonMessage }) => {
    const data = JSON.parse(BASE_JSON) as Json;
    json(data);
    const read = documentFromJson(JSON.stringify(data));
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.errors[0]?.message).toMatch(new RegExp(`^${path.replaceAll('.', '\\.')}: `));
    expect(read.errors[0]?.message).toContain(jsonMessage);
    const link = await decodeLink(await encodeLink(data as unknown as ArchDocument));
    expect(link.ok).toBe(false);
    if (link.ok) return;
    expect(link.error.kind).toBe('invalid');
    expect(link.error.kind === 'invalid' && link.error.path).toBe(path);
    expect(link.error.message).toContain(jsonMessage);
  });
});
