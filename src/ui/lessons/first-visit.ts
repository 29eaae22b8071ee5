/** The localStorage key that remembers a dismissed welcome. */
export const WELCOME_KEY = 'archplay.welcome.dismissed';

/** Whether the welcome was dismissed for good; storage may be missing or refuse access (sandboxed iframes). */
export function welcomeDismissed(): boolean {
  try {
    return window.localStorage.getItem(WELCOME_KEY) === '1';
  } catch {
    return false;
  }
}

/** Remembers the dismissal when storage allows; otherwise it lasts for this page only. */
export function rememberWelcomeDismissed(): void {
  try {
    window.localStorage.setItem(WELCOME_KEY, '1');
  } catch {
    // Storage refused: the card stays closed until the page is reloaded.
  }
}

/** Whether the page was opened with a link (a `#…` fragment or a query): no welcome then. */
export function openedWithLink(): boolean {
  return window.location.hash.length > 1 || window.location.search.length > 1;
}
