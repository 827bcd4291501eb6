/** The status line's element id: what a started run scrolls to on a phone. */
export const RUN_STATUS_ID = 'run-status';

/** app.css's phone breakpoint, where the settings stack above the views. */
const PHONE = '(max-width: 759px)';

/**
 * On a phone the views sit below every setting, so a run started from the buttons at the top
 * would train out of sight: bring the status line, and the views under it, into view.
 */
export function showRunOnPhone(): void {
  if (!window.matchMedia(PHONE).matches) return;
  const reduceMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  document.getElementById(RUN_STATUS_ID)?.scrollIntoView({ block: 'start', behavior: reduceMotion ? 'auto' : 'smooth' });
}
