import { useSyncExternalStore } from 'react';
import { onSiteUpdate, siteUpdated } from './serviceWorker.ts';

/** Says, once a new version of the site has been installed, that the next load brings it. */
export function UpdateNote() {
  const updated = useSyncExternalStore(onSiteUpdate, siteUpdated);
  if (!updated) return null;
  return (
    <p className="link-note" role="status" data-testid="update-note">
      Autodidact has been updated. This page keeps running the version it loaded; the new one opens the next time you load the page.
    </p>
  );
}
