import { useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

const DRAWER_ID = 'settings-drawer';

/**
 * Presenter mode's settings: folded behind a Settings button (a disclosure, aria-expanded),
 * opened over the views; Escape closes it and gives focus back to the button.
 */
export function SettingsDrawer({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const close = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    setOpen(false);
    buttonRef.current?.focus();
  };
  return (
    <div className="drawer" onKeyDown={close}>
      <button ref={buttonRef} type="button" className="button drawer__toggle" aria-expanded={open} aria-controls={DRAWER_ID} onClick={() => setOpen(!open)}>
        Settings
      </button>
      <section id={DRAWER_ID} className="drawer__panel" aria-label="Settings" hidden={!open}>
        {children}
      </section>
    </div>
  );
}
