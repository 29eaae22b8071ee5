import { DEFAULT_EDGE } from './defaults';
import { KINDS, NODE_KINDS } from './kinds';
import { EDGE_PARAMS, PEER_LINK_PARAMS, type Param, type ParamTable } from './params';

/** One row of README's parameter table: a parameter and the kinds (or edges) that take it. */
interface Row {
  readonly param: Param<unknown>;
  readonly on: string[];
  /** The default written for each owner, in the order of `on`. */
  readonly defaults: string[];
}

/**
 * README's "Parameters" table, made from the parameter table and the kind registry so that it cannot
 * drift from them (test/registry.test.ts compares it with README; `npm run docs:params` rewrites it).
 * A parameter shared by several kinds (the worker pool's) is one row naming each kind's default.
 */
export function parameterTableMarkdown(): string {
  const rows: Row[] = [];
  const add = (owner: string, table: ParamTable, defaults: Readonly<Record<string, unknown>>) => {
    for (const [prop, param] of Object.entries(table)) {
      const value = param.optional ? param.absent : defaults[prop];
      const text = value === undefined ? (param.absentText ?? '') : param.type.show(value);
      const row = rows.find((r) => r.param === param);
      if (row) {
        row.on.push(owner);
        row.defaults.push(text);
      } else rows.push({ param, on: [owner], defaults: [text] });
    }
  };
  for (const kind of NODE_KINDS) add(kind, KINDS[kind].params, KINDS[kind].defaults);
  add('edge', EDGE_PARAMS, DEFAULT_EDGE);
  add('replication link', PEER_LINK_PARAMS, {});
  const cell = (text: string) => text.replaceAll('|', '\\|');
  const lines = [
    '| on | key | value | default | what it does |',
    '| --- | --- | --- | --- | --- |',
    ...rows.map(({ param, on, defaults }) => {
      const same = defaults.every((d) => d === defaults[0]);
      const shown = same ? (defaults[0] ?? '') : on.map((owner, i) => `${defaults[i]} (${owner})`).join(', ');
      const optional = param.optional ? ' (optional)' : '';
      return `| ${on.join(', ')} | \`${param.key}\`${optional} | ${cell(param.type.range)} | ${cell(shown)} | ${cell(param.help)} |`;
    }),
  ];
  return lines.join('\n');
}

const START = '<!-- parameters:start -->';
const END = '<!-- parameters:end -->';

/** README's text with the generated parameter table between its markers. */
export function withParameterTable(readme: string): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README has no ${START} … ${END} markers`);
  return `${readme.slice(0, start + START.length)}\n\n${parameterTableMarkdown()}\n\n${readme.slice(end)}`;
}

/** README's generated table as rows of trimmed cells, so that Prettier's column padding does not count. */
export function parameterRowsOf(readme: string): string[][] {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  return readme
    .slice(start + START.length, end)
    .split('\n')
    .filter((line) => line.startsWith('|') && !/^\|[\s|:-]+\|$/.test(line))
    .map((line) =>
      line
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((cell) => cell.trim()),
    );
}
