/** The key that opens the "Keyboard shortcuts" dialog (src/ui/shortcuts/KeyboardHelp.tsx), and its line there. */
export const HELP_KEYS = ['?'] as const;
export const HELP_DESCRIPTION = 'Show these keyboard shortcuts';
