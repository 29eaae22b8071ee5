import { describe, expect, it } from 'vitest';
import { embedSnippet, embedUrl, escapeAttribute } from '../../src/share/embed-snippet';
import { appFlagsOf } from '../../src/share/url-flags';

describe('URL flags', () => {
  it('reads ?embed as read-only and ?embed=interactive as interactive', () => {
    expect(appFlagsOf('')).toEqual({ embed: null, present: false });
    expect(appFlagsOf('?embed')).toEqual({ embed: 'read-only', present: false });
    expect(appFlagsOf('?embed=1')).toEqual({ embed: 'read-only', present: false });
    expect(appFlagsOf('?embed=interactive')).toEqual({ embed: 'interactive', present: false });
    expect(appFlagsOf('embed=Interactive')).toEqual({ embed: 'interactive', present: false });
  });

  it('reads a trainer’s ?present and ignores unknown parameters (tracking parameters)', () => {
    expect(appFlagsOf('?present')).toEqual({ embed: null, present: true });
    expect(appFlagsOf('?utm_source=x')).toEqual({ embed: null, present: false });
    expect(appFlagsOf('?present&embed=interactive&utm_source=x')).toEqual({
      embed: 'interactive',
      present: true,
    });
  });
});

describe('embed snippet', () => {
  it('points a sandboxed frame (scripts only) at the page with the embed flag and the link', () => {
    const url = embedUrl('https://example.org/app/?present#v1.old', 'v1.abc', 'interactive');
    expect(url).toBe('https://example.org/app/?embed=interactive#v1.abc');
    const snippet = embedSnippet('https://example.org/app/', 'v1.abc', 'read-only', 'My design');
    expect(snippet).toContain('src="https://example.org/app/?embed#v1.abc"');
    expect(snippet).toContain('sandbox="allow-scripts"');
    expect(snippet).not.toContain('allow-same-origin');
    expect(snippet).toContain('title="archplay: My design"');
  });

  it('escapes a hostile document name so it cannot leave the attribute', () => {
    const snippet = embedSnippet('https://x.test/', 'v1.a', 'read-only', '"><script>alert(1)</script>');
    expect(snippet).not.toContain('<script>');
    expect(snippet).toContain('&quot;&gt;&lt;script&gt;');
    expect(snippet.match(/<iframe /g)).toHaveLength(1);
    expect(escapeAttribute(`a&b'c`)).toBe('a&amp;b&#39;c');
  });
});
