import { useCallback, useState } from 'react';

/** An open fault menu: its target and where it opens. */
export interface OpenFaultMenu {
  readonly targetId: string;
  readonly x: number;
  readonly y: number;
}

/** The state of a fault menu: which target it is open for, if any, with open and close callbacks. */
export function useFaultMenu() {
  const [menu, setMenu] = useState<OpenFaultMenu | null>(null);
  const open = useCallback((targetId: string, x: number, y: number) => setMenu({ targetId, x, y }), []);
  const close = useCallback(() => setMenu(null), []);
  return { menu, open, close };
}
