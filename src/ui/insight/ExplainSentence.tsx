import type { ReactNode } from 'react';
import type { Sentence } from '../../analysis/explain';

/** A sentence of the account with its numbers marked; each number's title says where the report has it. */
export function ExplainSentence({ sentence }: { readonly sentence: Sentence }) {
  const parts: ReactNode[] = [];
  let rest = sentence.text;
  let key = 0;
  for (const fact of sentence.facts) {
    const at = fact.text ? rest.indexOf(fact.text) : -1;
    if (at < 0) continue;
    parts.push(rest.slice(0, at));
    parts.push(
      <mark key={key++} className="explain__number" title={`From the report: ${fact.source}`}>
        {fact.text}
      </mark>,
    );
    rest = rest.slice(at + fact.text.length);
  }
  parts.push(rest);
  return <li className="explain__sentence">{parts}</li>;
}
