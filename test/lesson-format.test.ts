// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { parseMermaid, toMermaid } from '../src/mermaid';
import { validateDocument } from '../src/model/validate';
import { documentFromJson, documentToJson } from '../src/share/document-json';
import { decodeLink } from '../src/share/link';
import { FROZEN_V1_LINK } from './share/link-fixtures';

const BASE = `flowchart LR
  Client --> LB --> S1["Server 1"]
%% @Client kind=client
%% @LB kind=lb
%% @S1 kind=service
`;

async function errorsOf(text: string) {
  const result = await parseMermaid(text);
  if (result.ok) throw new Error('expected errors');
  return result.errors;
}

describe('lesson annotations', () => {
  it('read every condition, the question, and captions on @at lines', async () => {
    const text = `${BASE}%% @at 30s fail S1 caption="Server 1 \\"crashes\\""
%% @lesson title="Detection" topic=failover summary="Why it takes 6 s."
%% @step text="Press Play" when=play
%% @step text="Select it" when=select target=S1
%% @step text="Open the source" when=panel panel=source
%% @step text="Wait for 30 s" when=time at=30s
%% @step text="Watch the LB" when=event event=hc-down target=S1
%% @step text="Six more seconds" when=wait for=6s
%% @step text="Errors above 5%" when=metric metric=error_rate above=5%
%% @step text="p99 under 250 ms" when=metric metric=p99 below=250ms
%% @step text="To the end" when=done
%% @question text="How many failed?" answer=window_failed tolerance=15%
`;
    const parsed = await parseMermaid(text);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const doc = parsed.document;
    expect(doc.scenario[0]?.caption).toBe('Server 1 "crashes"');
    expect(doc.lesson?.title).toBe('Detection');
    expect(doc.lesson?.steps.map((s) => s.condition)).toEqual([
      { when: 'play' },
      { when: 'select', target: 'S1' },
      { when: 'panel', panel: 'source' },
      { when: 'time', atSec: 30 },
      { when: 'event', event: 'hc-down', target: 'S1' },
      { when: 'wait', forSec: 6 },
      { when: 'metric', metric: 'error_rate', above: 0.05 },
      { when: 'metric', metric: 'p99', below: 250 },
      { when: 'done' },
    ]);
    expect(doc.lesson?.question).toEqual({
      text: 'How many failed?',
      answer: 'window_failed',
      tolerance: 0.15,
    });
    const again = await parseMermaid(toMermaid(doc));
    expect(again.ok && again.document).toEqual(doc);
    const json = documentFromJson(documentToJson(doc));
    expect(json.ok && json.document).toEqual(doc);
  });

  it.each([
    ['a step without @lesson', '%% @step text="x" when=play', 'needs a %% @lesson'],
    ['an unknown topic', '%% @lesson title="x" topic=cats', 'unknown topic'],
    [
      'an unknown condition',
      '%% @lesson title="x" topic=cost\n%% @step text="x" when=dance',
      'unknown condition',
    ],
    ['a missing target', '%% @lesson title="x" topic=cost\n%% @step text="x" when=fail', 'needs target'],
    [
      'a key of another condition',
      '%% @lesson title="x" topic=cost\n%% @step text="x" when=play at=3s',
      'unknown key "at"',
    ],
    [
      'two bounds',
      '%% @lesson title="x" topic=cost\n%% @step text="x" when=metric metric=p99 above=1ms below=2ms',
      'exactly one',
    ],
    [
      'an unknown figure',
      '%% @lesson title="x" topic=cost\n%% @step text="x" when=play\n%% @question text="q" answer=vibes',
      'unknown figure',
    ],
  ])('refuse %s, at its line', async (_, lines, message) => {
    const errors = await errorsOf(`${BASE}${lines}\n`);
    expect(errors[0]?.message).toContain(message);
    expect(errors[0]?.line).toBeGreaterThan(5);
  });

  it('report steps that name no node, with the field path', async () => {
    const errors = await errorsOf(
      `${BASE}%% @lesson title="x" topic=cost\n%% @step text="x" when=fail target=S9\n`,
    );
    expect(errors[0]?.message).toContain('lesson.steps.0.target');
    expect(errors[0]?.message).toContain('S9');
  });

  it('keep old files with a node called "step" working', async () => {
    const parsed = await parseMermaid('flowchart LR\n  step --> lesson\n%% @step kind=service workers=3\n');
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(parsed.document.lesson).toBeUndefined();
    expect(parsed.document.nodes.find((n) => n.id === 'step')?.params).toMatchObject({ workers: 3 });
    const again = await parseMermaid(toMermaid(parsed.document));
    expect(again.ok && again.document).toEqual(parsed.document);
  });
});

describe('lesson fields in JSON and links', () => {
  it('refuse unknown keys and wrong shapes, with paths', async () => {
    const parsed = await parseMermaid(
      `${BASE}%% @lesson title="x" topic=cost\n%% @step text="x" when=play\n`,
    );
    if (!parsed.ok) throw new Error('parse');
    const data = JSON.parse(documentToJson(parsed.document)) as Record<string, never>;
    // The JSON is untyped input here: the test breaks it on purpose.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const bad = (mutate: (d: any) => void) => {
      const copy = structuredClone(data);
      mutate(copy);
      const result = documentFromJson(JSON.stringify(copy));
      return result.ok ? [] : result.errors.map((e) => e.message);
    };
    expect(bad((d) => (d.lesson.extra = 1))).toEqual(['lesson: unknown key "extra"']);
    expect(bad((d) => (d.lesson.steps[0].condition = { when: 'time' }))).toEqual([
      'lesson.steps.0.condition: missing "atSec"',
    ]);
    expect(bad((d) => (d.lesson.steps[0].condition = { when: 'fly' }))[0]).toContain(
      'lesson.steps.0.condition.when',
    );
    expect(bad((d) => (d.lesson.steps[0].condition = { when: 'wait', forSec: -1 }))[0]).toContain(
      'lesson.steps.0.forSec',
    );
    expect(bad((d) => (d.scenario = [{ atSec: 1, action: 'fail', target: 'S1', caption: 3 }]))).toEqual([
      'scenario.0.caption: expected a string',
    ]);
    expect(bad((d) => (d.lesson.steps = []))[0]).toContain('lesson.steps');
  });

  it('old v1 links without the fields decode unchanged', async () => {
    const decoded = await decodeLink(FROZEN_V1_LINK);
    expect(decoded.ok).toBe(true);
    if (decoded.ok) {
      expect(decoded.document.lesson).toBeUndefined();
      expect(validateDocument(decoded.document)).toEqual([]);
    }
  });
});
