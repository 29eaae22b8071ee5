import type { CapacitySituation } from '../../analysis/capacity';
import { formatRate } from '../format';

/** Above 100%: the queue grows without bound; from 90%: little headroom left. */
const level = (u: number) => (u > 1 ? 'over' : u >= 0.9 ? 'tight' : 'ok');

/** One situation's utilization bars: red above 100%, amber from 90%. */
export function CapacityBars({
  situation,
  title,
}: {
  readonly situation: CapacitySituation;
  readonly title: string;
}) {
  return (
    <section className="capacity-situation" aria-label={`Capacity: ${title}`}>
      <h3 className="capacity-situation__title">{title}</h3>
      {situation.loads.map((load) => {
        const u = load.utilization;
        const pct = Number.isFinite(u) ? Math.round(u * 100) : 0;
        return (
          <div key={load.id} className={`capacity-bar capacity-bar--${level(u)}`}>
            <span className="capacity-bar__label">{load.label}</span>
            <span
              className="capacity-bar__track"
              role="meter"
              aria-label={`${load.label} ${title.toLowerCase()}`}
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={Math.min(pct, 100)}
              aria-valuetext={`${pct}%`}
            >
              <span className="capacity-bar__fill" style={{ width: `${Math.min(100, pct)}%` }} />
            </span>
            <span className="capacity-bar__value">
              {pct}%
              <small>
                {' '}
                {formatRate(load.offeredPerSec)} of{' '}
                {Number.isFinite(load.capacityPerSec) ? formatRate(load.capacityPerSec) : '∞'} req/s
              </small>
            </span>
          </div>
        );
      })}
    </section>
  );
}
