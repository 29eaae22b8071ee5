import { selectNodeSecond } from '../../store/selectors';
import './metrics.css';
import { useArchStore } from '../../store/store';
import { nodeStateTags } from './node-state';

/** A tag hanging under a canvas node with what its state model adds (backlog, hit ratio, replication, sessions, TTL, limit). */
export function NodeStateTag({ id }: { readonly id: string }) {
  const node = useArchStore((s) => s.doc.nodes.find((n) => n.id === id));
  // Only the kinds whose tag shows live figures re-render every second: queues and caches.
  const second = useArchStore((s) =>
    node?.kind === 'queue' || node?.kind === 'cache' ? selectNodeSecond(s, id) : undefined,
  );
  const tags = node ? nodeStateTags(node, second) : [];
  if (tags.length === 0) return null;
  return (
    <div className={`node-tag node-tag--${node?.kind ?? 'node'}`} data-testid={`node-tag-${id}`}>
      {tags.map((tag, i) => (
        <span key={i} className="node-tag__part">
          {tag}
        </span>
      ))}
    </div>
  );
}
