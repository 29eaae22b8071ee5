import { KINDS, NODE_KINDS, type InferenceRule, type NodeKind } from '../model/kinds';
import type { NodeShape } from '../model/types';

/**
 * Infers a node's kind from its shape, id and label (DESIGN.md §5) when no `kind=` annotation says.
 * Words are matched whole: ids are split at camelCase, digits and punctuation, so `LoadBalancer` reads
 * "load balancer", `OrdersDB` reads "orders db", while "Server 1 (Active)" names nothing and stays a
 * service. The rules are the kind registry's (src/model/kinds.ts), tried by rank: a cylinder is a
 * database unless its words name a queue or a cache (Kafka and Redis are often drawn as cylinders).
 */
export function inferKind(id: string, label: string, shape: NodeShape | undefined): NodeKind {
  const words = wordsOf(`${label} ${id}`);
  const text = ` ${words.join(' ')} `;
  const matches = (rule: CompiledRule): boolean => {
    const hasWord = (set: ReadonlySet<string>) =>
      words.some((word) => singularsOf(word).some((w) => set.has(w)));
    if (rule.unless && hasWord(rule.unless)) return false;
    return (
      (shape !== undefined && (rule.shapes?.includes(shape) ?? false)) ||
      hasWord(rule.words) ||
      (rule.phrases?.some((phrase) => text.includes(` ${phrase} `)) ?? false) ||
      (rule.wordPattern !== undefined && words.some((word) => rule.wordPattern?.test(word)))
    );
  };
  return RULES.find(matches)?.kind ?? 'service';
}

type CompiledRule = Omit<InferenceRule, 'words' | 'unless'> & {
  readonly kind: NodeKind;
  readonly words: ReadonlySet<string>;
  readonly unless?: ReadonlySet<string>;
};

/** Every kind's rules, by rank. */
const RULES: readonly CompiledRule[] = NODE_KINDS.flatMap((kind) =>
  KINDS[kind].inference.map(({ words, unless, ...rule }: InferenceRule): CompiledRule => ({
    ...rule,
    kind,
    words: new Set(words),
    ...(unless ? { unless: new Set(unless) } : {}),
  })),
).sort((a, b) => a.rank - b.rank);

/** Lower-case words of a text: camelCase, letter/digit boundaries and punctuation all separate words. */
export function wordsOf(text: string): string[] {
  return text
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/([A-Za-z])(\d)/g, '$1 $2')
    .replace(/(\d)([A-Za-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');
}

/** The word and the forms it could be a plural of ("queues", "caches", "proxies"). */
function singularsOf(word: string): string[] {
  const forms = [word];
  if (word.endsWith('ies')) forms.push(`${word.slice(0, -3)}y`);
  if (word.endsWith('es')) forms.push(word.slice(0, -2));
  if (word.endsWith('s') && !word.endsWith('ss')) forms.push(word.slice(0, -1));
  return forms;
}
