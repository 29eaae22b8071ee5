import { useEffect, useRef, type KeyboardEvent } from 'react';
import { selectDoc, selectDone } from '../../store/selectors';
import { useArchStore } from '../../store/store';
import { faultTargetOf } from '../../model/faults';
import { targetLabelOf } from '../target-label';
import { faultMenuItemsOf } from './fault-actions';

interface Props {
  /** The node, edge or group id the menu acts on. */
  readonly targetId: string;
  /** Where the menu opens, in viewport pixels (its top-left corner). */
  readonly x: number;
  readonly y: number;
  readonly onClose: () => void;
}

const MENU_WIDTH = 210;

/**
 * The fault menu of a node, edge or group (right-click on the canvas, or "More actions" in the
 * Inspector): each fault is a menu item, scheduled at the current simulated time when chosen. Arrow
 * keys move, Enter chooses, Escape or a click elsewhere closes.
 */
export function FaultMenu({ targetId, x, y, onClose }: Props) {
  const doc = useArchStore(selectDoc);
  const done = useArchStore(selectDone);
  const fault = useArchStore((s) => s.fault);
  const menu = useRef<HTMLDivElement>(null);
  const target = faultTargetOf(doc, targetId);

  useEffect(() => {
    menu.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const away = (event: PointerEvent) => {
      if (!menu.current?.contains(event.target as Node)) onClose();
    };
    window.addEventListener('pointerdown', away, true);
    return () => window.removeEventListener('pointerdown', away, true);
  }, [onClose]);

  if (!target) return null;
  const name = targetLabelOf(doc, targetId);
  const onKeyDown = (event: KeyboardEvent) => {
    const items = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    const move = (to: number) => items[(to + items.length) % items.length]?.focus();
    if (event.key === 'ArrowDown') move(at + 1);
    else if (event.key === 'ArrowUp') move(at - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(items.length - 1);
    else if (event.key === 'Escape' || event.key === 'Tab') onClose();
    else return;
    event.preventDefault();
  };
  const left = Math.max(4, Math.min(x, window.innerWidth - MENU_WIDTH - 8));
  const top = Math.max(4, Math.min(y, window.innerHeight - 300));
  return (
    <div
      ref={menu}
      className="fault-menu"
      role="menu"
      aria-label={`Faults of ${name}`}
      style={{ left, top, width: MENU_WIDTH }}
      onKeyDown={onKeyDown}
    >
      <p className="fault-menu__title" aria-hidden="true">
        {name}
      </p>
      {faultMenuItemsOf(target).map((item, index) => (
        <button
          key={`${index}-${item.label}`}
          type="button"
          role="menuitem"
          className={`fault-menu__item fault-menu__item--${item.tone}`}
          title={item.hint}
          disabled={done}
          onClick={() => {
            const { action, ...params } = item.step;
            fault(action, targetId, params);
            onClose();
          }}
        >
          {item.label}
          <span className="fault-menu__hint">{item.hint}</span>
        </button>
      ))}
    </div>
  );
}
