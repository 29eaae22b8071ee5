/**
 * Where in the Mermaid text a document-level validation issue comes from. Annotation readers check each
 * value on its own; what only the whole document can tell (a warm-up longer than the run, a `load` step
 * aimed at a server, an alert on a node that is gone) is found afterwards by `validateDocument`, whose
 * issues name a field path, not a line. This maps such a path back to the annotation that set the field.
 */
import { STEP_PARAMS } from '../model/params';
import type { ValidationIssue } from '../model/validate';
import type { Annotation, Pair, Token } from './annotations';
import type { MermaidError } from './diagnostics';

/** The whole-file position, for an issue no annotation explains (a default value, say). */
const WHOLE_FILE = { line: 1, column: 1 } as const;

/** The issue as a diagnostic at the annotation (and, where it can tell, the key) that set its field. */
export function locateIssue(issue: ValidationIssue, annotations: readonly Annotation[]): MermaidError {
  const at = tokenOf(issue.path, annotations) ?? WHOLE_FILE;
  return {
    code: 'invalid-value',
    line: at.line,
    column: at.column,
    message: `${issue.path}: ${issue.message}`,
  };
}

function tokenOf(path: string, annotations: readonly Annotation[]): Token | undefined {
  const [section, name = '', ...rest] = path.split('.');
  const field = rest[rest.length - 1] ?? '';
  switch (section) {
    case 'nodes':
    case 'groups': {
      const lines = annotations.filter((a) => a.type === 'node' && a.id.text === name);
      return pairFor(lines, field) ?? firstHead(lines);
    }
    case 'edges': {
      const lines = annotations.filter(
        (a) => a.type === 'edge' && `${a.source.text}-->${a.target.text}` === name,
      );
      return pairFor(lines, field) ?? firstHead(lines);
    }
    case 'sim': {
      const lines = annotations.filter((a) => a.type === 'sim');
      return pairFor(lines, name) ?? firstHead(lines);
    }
    case 'scenario':
    case 'alerts': {
      // Steps and rules are kept in the order of their lines, so the index is the n-th such line.
      const type = section === 'scenario' ? 'at' : 'alert';
      const line = annotations.filter((a) => a.type === type)[Number(name)];
      if (!line) return undefined;
      if (line.type === 'at' && field === 'target') return line.target;
      if (line.type === 'at' && field === 'atSec') return line.time;
      // A step's strength is written under its own key (`errors=` sets errorRate, `latency=` addedLatencyMs).
      if (line.type === 'at' && Object.hasOwn(STEP_PARAMS, field)) {
        const key = STEP_PARAMS[field as keyof typeof STEP_PARAMS].key;
        const pair = line.pairs.findLast((p) => p.key.text === key);
        if (pair) return pair.value;
      }
      return pairFor([line], field) ?? headOf(line);
    }
    case 'expectations': {
      const line = annotations.filter((a) => a.type === 'expect')[Number(name)];
      return line?.type === 'expect' ? line.body : undefined;
    }
    case undefined:
    default:
      return undefined;
  }
}

/**
 * The value of the pair that set a model field. Annotation keys are the fields' names in snake case
 * without their unit (`hc_interval` sets `hcIntervalSec`, `warmup` sets `warmupSec`).
 */
function pairFor(lines: readonly Annotation[], field: string): Token | undefined {
  const wanted = field.toLowerCase();
  let found: Pair | undefined;
  for (const line of lines) {
    for (const pair of line.pairs) {
      if (wanted.startsWith(pair.key.text.replaceAll('_', '').toLowerCase())) found = pair;
    }
  }
  // The last one wins, as when the document was built.
  return found?.value;
}

function firstHead(lines: readonly Annotation[]): Token | undefined {
  const first = lines[0];
  return first ? headOf(first) : undefined;
}

function headOf(annotation: Annotation): Token {
  switch (annotation.type) {
    case 'node':
      return annotation.id;
    case 'edge':
      return annotation.source;
    case 'alert':
    case 'at':
    case 'expect':
    case 'lesson':
    case 'question':
    case 'sim':
    case 'step':
      return annotation.head;
  }
}
