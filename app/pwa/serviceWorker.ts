/**
 * Registers the service worker the build makes (scripts/pwa.ts: the app, its WebAssembly and
 * the presets' images, cached for offline use) and tells its listeners when a new version of
 * the site took over this page: the new worker activates at once, so the next load runs the new
 * version, while this page keeps running (and keeps the person's run) on the one it loaded.
 * Nothing under the dev server, which serves fresh modules, or where the browser has no service workers.
 */
type Listener = () => void;

const listeners = new Set<Listener>();
let updated = false;

/** Whether a new version has taken over since this page loaded. */
export const siteUpdated = (): boolean => updated;

/** Calls `listener` when the site is updated; returns the unsubscribe (useSyncExternalStore's shape). */
export function onSiteUpdate(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function registerServiceWorker(): void {
  // import.meta.hot exists only under Vite's dev server; every build, whatever its mode, registers.
  if (import.meta.hot || !('serviceWorker' in navigator)) return;
  const container = navigator.serviceWorker;
  // A first visit has no worker yet: the one it installs taking control is no update.
  const hadWorker = container.controller !== null;
  container.addEventListener('controllerchange', () => {
    if (!hadWorker || updated) return;
    updated = true;
    for (const listener of listeners) listener();
  });
  const register = () => container.register('./sw.js').catch((error: unknown) => console.warn('The offline copy could not be set up:', error));
  if (document.readyState === 'complete') void register();
  else window.addEventListener('load', () => void register(), { once: true });
}
