import { useRef, type ReactNode } from 'react';
import type { NodeSpec, ScenarioAction } from '../../model/types';
import { MAX_RATE_PER_SEC } from '../../model/param-fields';
import { selectDone } from '../../store/selectors';
import { useArchStore, type StepParams } from '../../store/store';
import { FaultMenu } from '../context-menu/FaultMenu';
import {
  DEFAULT_ADDED_LATENCY_MS,
  DEFAULT_ERROR_RATE,
  DEFAULT_LOSS,
  DEFAULT_SLOW_FACTOR,
} from '../context-menu/fault-actions';
import { useFaultMenu } from '../context-menu/useFaultMenu';
import { ValueFault, numberIn } from './ValueFault';

const ENDED = 'The run has ended: press Reset to run it again';

/** Sends a fault for `target` (scheduled at the current simulated time); disabled once the run ended. */
function useFault(target: string) {
  const fault = useArchStore((s) => s.fault);
  const done = useArchStore(selectDone);
  return { done, send: (action: ScenarioAction, params?: StepParams) => fault(action, target, params) };
}

/** The "More actions" button: opens the target's fault menu below it (keyboard path to the context menu). */
function MoreActions({ target }: { readonly target: string }) {
  const { menu, open, close } = useFaultMenu();
  const button = useRef<HTMLButtonElement>(null);
  return (
    <>
      <button
        ref={button}
        type="button"
        className="btn btn--small fault-controls__more"
        aria-haspopup="menu"
        aria-expanded={menu !== null}
        onClick={() => {
          const box = button.current?.getBoundingClientRect();
          if (box) open(target, box.right - 210, box.bottom + 4);
        }}
      >
        More actions ▾
      </button>
      {menu && (
        <FaultMenu
          targetId={menu.targetId}
          x={menu.x}
          y={menu.y}
          onClose={() => {
            close();
            button.current?.focus();
          }}
        />
      )}
    </>
  );
}

function Section({ children, target }: { readonly children: ReactNode; readonly target: string }) {
  return (
    <div className="fault-controls" role="group" aria-label="Faults">
      <div className="fault-controls__head">
        <h3 className="inspector__section">Faults</h3>
        <MoreActions target={target} />
      </div>
      {children}
    </div>
  );
}

/** One fault action as a button; `tone` picks its colour (btn--danger, btn--good…). */
function FaultButton(props: {
  readonly tone: string;
  readonly title: string;
  readonly disabled: boolean;
  readonly onClick: () => void;
  readonly children: ReactNode;
}) {
  return (
    <button
      type="button"
      className={`btn ${props.tone}`}
      disabled={props.disabled}
      title={props.title}
      onClick={props.onClick}
    >
      {props.children}
    </button>
  );
}

/** A node's faults beyond Fail/Recover: hang, slow ×N, errors N%, and for a client a load change. */
export function NodeFaultControls({ node }: { readonly node: NodeSpec }) {
  const { done, send } = useFault(node.id);
  const disabled = done;
  return (
    <Section target={node.id}>
      <div className="fault-controls__row">
        <FaultButton
          tone="btn--small btn--danger-soft"
          disabled={disabled}
          title="Accepts requests and never answers: callers time out"
          onClick={() => send('fail', { mode: 'hang' })}
        >
          Hang
        </FaultButton>
      </div>
      <ValueFault
        action="Slow"
        valueName="Slow factor"
        prefix="×"
        initial={String(DEFAULT_SLOW_FACTOR)}
        read={numberIn(1, 1000, 'factor')}
        onApply={(factor) => send('degrade', { factor })}
        disabled={disabled}
        hint={done ? ENDED : 'Multiply its service time'}
      />
      <ValueFault
        action="Errors"
        valueName="Error rate"
        suffix="%"
        initial={String(DEFAULT_ERROR_RATE * 100)}
        read={numberIn(0, 100, 'share')}
        onApply={(percent) => send('degrade', { errorRate: percent / 100 })}
        disabled={disabled}
        hint={done ? ENDED : 'Answer this share of requests with a server error'}
      />
      {node.kind === 'cache' && (
        <div className="fault-controls__row">
          <FaultButton
            tone="btn--small btn--danger-soft"
            disabled={disabled}
            title="Empty the cache: every key misses until a successful answer refills it"
            onClick={() => send('flush')}
          >
            Flush
          </FaultButton>
        </div>
      )}
      {node.kind !== 'client' && node.kind !== 'lb' && node.kind !== 'limiter' && (
        <ValueFault
          action="Capacity"
          valueName="Capacity left"
          suffix="%"
          initial="50"
          read={numberIn(1, 100, 'share')}
          onApply={(percent) => send('degrade', { workersShare: percent / 100 })}
          disabled={disabled}
          hint={done ? ENDED : 'Leave it this share of its workers (a CPU or pool reduction)'}
        />
      )}
      {node.kind === 'client' && (
        <ValueFault
          action="Change load"
          valueName="New rate"
          suffix="/s"
          initial={String(node.params.ratePerSec * 2)}
          read={numberIn(0, MAX_RATE_PER_SEC, 'rate')}
          onApply={(ratePerSec) => send('load', { ratePerSec })}
          disabled={disabled}
          hint={done ? ENDED : 'Change the request rate from now on'}
        />
      )}
    </Section>
  );
}

/** An edge's faults: partition, added latency, loss, recover. */
export function EdgeFaultControls({ id }: { readonly id: string }) {
  const { done, send } = useFault(id);
  return (
    <Section target={id}>
      <div className="fault-controls__row">
        <FaultButton
          tone="btn--danger"
          disabled={done}
          title="Cut the link: requests sent over it are dropped"
          onClick={() => send('partition')}
        >
          Partition
        </FaultButton>
        <FaultButton tone="btn--good" disabled={done} title="Heal the link" onClick={() => send('recover')}>
          Recover
        </FaultButton>
      </div>
      <ValueFault
        action="Add latency"
        valueName="Added latency"
        suffix="ms"
        initial={String(DEFAULT_ADDED_LATENCY_MS)}
        read={numberIn(0, 600_000, 'latency')}
        onApply={(addedLatencyMs) => send('degrade', { addedLatencyMs })}
        disabled={done}
        hint="Added to each one-way trip over the link"
      />
      <ValueFault
        action="Loss"
        valueName="Loss rate"
        suffix="%"
        initial={String(DEFAULT_LOSS * 100)}
        read={numberIn(0, 100, 'share')}
        onApply={(percent) => send('degrade', { loss: percent / 100 })}
        disabled={done}
        hint="Share of requests lost on the link"
      />
    </Section>
  );
}

/** A group's faults: zone outage (every node fails), partition (every crossing link cut), recover. */
export function GroupFaultControls({ id }: { readonly id: string }) {
  const { done, send } = useFault(id);
  return (
    <Section target={id}>
      <div className="fault-controls__row">
        <FaultButton
          tone="btn--danger"
          disabled={done}
          title="Every node of the group fails"
          onClick={() => send('fail')}
        >
          Zone outage
        </FaultButton>
        <FaultButton
          tone="btn--danger-soft"
          disabled={done}
          title="Cut every link crossing the group's boundary"
          onClick={() => send('partition')}
        >
          Partition
        </FaultButton>
        <FaultButton
          tone="btn--good"
          disabled={done}
          title="Undo every fault on the group"
          onClick={() => send('recover')}
        >
          Recover
        </FaultButton>
      </div>
    </Section>
  );
}
