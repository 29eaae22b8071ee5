import { appFlagsOf, type AppFlags } from '../../share/url-flags';

/** The flags of this page load (`?embed`, `?embed=interactive`, `?present`), read once: they never change while it runs. */
export const APP_FLAGS: AppFlags = appFlagsOf(typeof location === 'undefined' ? '' : location.search);
