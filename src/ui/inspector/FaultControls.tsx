import { useRef, type ReactNode } from 'react';
import {
  faultStep,
  faultsFor,
  readStrength,
  type FaultSpec,
  type FaultTarget,
  type FaultTone,
} from '../../model/faults';
import { STEP_PARAMS } from '../../model/params';
import type { NodeSpec } from '../../model/types';
import { selectDone } from '../../store/selectors';
import { useArchStore } from '../../store/store';
import { FaultMenu } from '../context-menu/FaultMenu';
import { useFaultMenu } from '../context-menu/useFaultMenu';
import { ValueFault } from './ValueFault';

const ENDED = 'The run has ended: press Reset to run it again';

/** Button colours of the fault tones. */
const TONE_CLASS: { readonly [T in FaultTone]: string } = {
  danger: 'btn--danger',
  warn: 'btn--danger-soft',
  good: 'btn--good',
};

/** Sends a fault for `target` (scheduled at the current simulated time); disabled once the run ended. */
function useFault(target: string) {
  const fault = useArchStore((s) => s.fault);
  const done = useArchStore(selectDone);
  return {
    done,
    send: (spec: FaultSpec, value?: number) => {
      const { action, ...params } = faultStep(spec, value);
      fault(action, target, params);
    },
  };
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

/**
 * The faults the catalogue (src/model/faults.ts) offers on a target, except those in `besides`: the ones
 * without a strength as a row of buttons, each one with a strength as a value field and its button.
 */
function FaultList(props: {
  readonly id: string;
  readonly target: FaultTarget;
  readonly besides?: readonly string[];
}) {
  const { id, target, besides = [] } = props;
  const { done, send } = useFault(id);
  const faults = faultsFor(target).filter((fault) => !besides.includes(fault.id));
  const size = target.type === 'node' ? 'btn--small ' : '';
  return (
    <Section target={id}>
      <div className="fault-controls__row">
        {faults
          .filter((fault) => !fault.strength)
          .map((fault) => (
            <button
              key={fault.id}
              type="button"
              className={`btn ${size}${TONE_CLASS[fault.tone]}`}
              disabled={done}
              title={done ? ENDED : fault.hint}
              onClick={() => send(fault)}
            >
              {fault.label}
            </button>
          ))}
      </div>
      {faults.map(({ strength, ...fault }) => {
        if (!strength) return null;
        return (
          <ValueFault
            key={fault.id}
            action={fault.label}
            valueName={STEP_PARAMS[strength.param].label}
            {...(strength.unit === '×' ? { prefix: '×' } : { suffix: strength.unit })}
            initial={String(strength.presets(target)[0] ?? '')}
            read={(text) => readStrength(strength, text)}
            onApply={(value) => send({ ...fault, strength }, value)}
            disabled={done}
            hint={done ? ENDED : fault.hint}
          />
        );
      })}
    </Section>
  );
}

/** A node's faults beyond its Fail/Recover button (DESIGN.md §8): hang, slow, errors, capacity, load, flush. */
export function NodeFaultControls({ node }: { readonly node: NodeSpec }) {
  return <FaultList id={node.id} target={{ type: 'node', node }} besides={['fail', 'recover']} />;
}

/** An edge's faults: partition, added latency, loss, recover. */
export function EdgeFaultControls({ id }: { readonly id: string }) {
  return <FaultList id={id} target={{ type: 'edge', id }} />;
}

/** A group's faults: zone outage (every node fails), partition (every crossing link cut), recover. */
export function GroupFaultControls({ id }: { readonly id: string }) {
  return <FaultList id={id} target={{ type: 'group', id }} />;
}
