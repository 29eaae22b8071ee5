import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { main, nodeIo } from '../../src/cli/main';
import { documentFromJson } from '../../src/share/document-json';

const ROOT = join(import.meta.dirname, '..', '..');
const run = promisify(execFile);

/** Runs `node bin/archplay.mjs …` from the repository root, as `npx archplay …` does. */
async function archplay(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [join(ROOT, 'bin', 'archplay.mjs'), ...args], {
      cwd: ROOT,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const scratch = mkdtempSync(join(tmpdir(), 'archplay-cli-'));

/** Runs `main` in this process with captured output (fast; the spawned tests cover the launcher). */
async function inProcess(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io = {
    ...nodeIo(),
    stdout: (text: string) => void (stdout += text),
    stderr: (text: string) => void (stderr += text),
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

describe.concurrent('archplay CLI, spawned as `node bin/archplay.mjs` (what `npx archplay` runs)', () => {
  it('check: a valid diagram exits 0 with a one-line summary', async () => {
    const result = await archplay('check', 'test/corpus/seed-active-active.mmd');
    expect(result).toMatchObject({
      code: 0,
      stdout: 'test/corpus/seed-active-active.mmd: ok — 5 nodes, 5 edges, 1 group, 0 scenario steps\n',
    });
  });

  it('check: accTitle and accDescr parse without a DOM, as in the app (the launcher, no jsdom global)', async () => {
    const result = await archplay('check', 'test/corpus/accessible-checkout.mmd');
    expect(result).toMatchObject({
      code: 0,
      stdout: 'test/corpus/accessible-checkout.mmd: ok — 4 nodes, 3 edges, 0 groups, 0 scenario steps\n',
    });
    expect(typeof (globalThis as { window?: unknown }).window).toBe('undefined');
    const inside = await inProcess('check', 'test/corpus/accessible-multiline.mmd');
    expect(inside.code).toBe(0);
    // The window is mermaid's sanitiser's alone: the program does not gain a browser global.
    expect(typeof (globalThis as { window?: unknown }).window).toBe('undefined');
  });

  it('check: errors as FILE:LINE:COL message, exit 1', async () => {
    const file = join(scratch, 'broken.mmd');
    writeFileSync(file, 'flowchart LR\n  LB --> A[ALB (a)]\n%% @LB workers=0\n');
    const result = await archplay('check', file);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      new RegExp(
        `^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2:16 syntax error: unexpected "\\(".*hint: labels with parentheses need quotes: A\\["ALB \\(a\\)"\\]`,
      ),
    );
  });

  it('convert --to json writes canonical JSON (inf as "inf"), which converts back to the same Mermaid', async () => {
    const json = await archplay('convert', 'test/corpus/annotated-params.mmd', '--to', 'json');
    expect(json.code).toBe(0);
    expect(json.stdout).toContain('"queueCapacity": 200');
    const parsed = documentFromJson(json.stdout);
    expect(parsed.ok).toBe(true);
    const file = join(scratch, 'doc.json');
    writeFileSync(file, json.stdout.replace('"queueCapacity": 200', '"queueCapacity": "inf"'));
    const back = await inProcess('convert', file, '--to', 'mermaid');
    expect(back.code).toBe(0);
    expect(back.stdout).toContain('queue=inf');
    const again = await inProcess('convert', file, '--to=json', '--out', join(scratch, 'again.json'));
    expect(again.code).toBe(0);
    expect(readFileSync(join(scratch, 'again.json'), 'utf8')).toContain('"queueCapacity": "inf"');
  });
});

describe('archplay CLI commands', () => {
  it('check: annotation errors at their line and column', async () => {
    const file = join(scratch, 'annotated.mmd');
    writeFileSync(file, 'flowchart LR\n  A --> B\n%% @A workers=0\n');
    expect(await inProcess('check', file)).toMatchObject({
      code: 1,
      stderr: `${file}:3:15 A workers: needs at least 1 worker\n`,
    });
  });

  it('check reads Markdown (the first mermaid block) with line numbers of the Markdown file', async () => {
    const file = join(scratch, 'README.md');
    writeFileSync(file, '# Arch\n\nText.\n\n```mermaid\nflowchart LR\n  A --> B[x (y)]\n```\n');
    expect((await inProcess('check', file)).stderr).toContain(`${file}:7:13 `);
  });

  it('usage mistakes exit 2 with a usage message', async () => {
    expect(await inProcess()).toMatchObject({ code: 2, stderr: expect.stringContaining('Usage:') });
    expect(await inProcess('explode')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('unknown command'),
    });
    expect(await inProcess('convert', 'test/corpus/seed-active-active.mmd')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--to'),
    });
    expect(await inProcess('check')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('Usage: archplay check'),
    });
    expect(await inProcess('check', 'a.mmd', '--bogus')).toMatchObject({ code: 2 });
    expect(await inProcess('--help')).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('archplay convert'),
    });
  });

  it('a missing file is an input error at 1:1', async () => {
    expect(await inProcess('check', 'no/such.mmd')).toMatchObject({
      code: 1,
      stderr: 'no/such.mmd:1:1 cannot read the file: no such file\n',
    });
  });
});
