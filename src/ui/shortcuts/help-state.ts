import { create } from 'zustand';

/**
 * Whether the "Keyboard shortcuts" dialog is open: `?` opens it (KeyboardHelp.tsx), and so does the
 * Inspector's hint, which needs no key to be known first.
 */
export const useShortcutsHelp = create<{ readonly open: boolean }>(() => ({ open: false }));

export const openShortcutsHelp = () => useShortcutsHelp.setState({ open: true });
export const closeShortcutsHelp = () => useShortcutsHelp.setState({ open: false });
