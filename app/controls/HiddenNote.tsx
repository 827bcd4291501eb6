import { useShallow } from 'zustand/shallow';
import { configSelector, hideSelector } from '../store/selectors.ts';
import { labStore, useLab } from '../store/useLabStore.ts';
import { hiddenCount, hiddenText } from './hiddenControls.ts';

/** Says how many settings the link's `hide=` hides, and brings them back (which also takes hide= out of the link). */
export function HiddenNote() {
  const count = useLab(useShallow((state) => hiddenCount(configSelector(state), hideSelector(state))));
  if (count === 0) return null;
  const showAll = () => {
    const { view, setView } = labStore.getState();
    setView({ ...view, hide: [] });
  };
  return (
    <p className="hidden-note" role="note">
      {hiddenText(count)}{' '}
      <button type="button" className="button button--small" onClick={showAll}>
        Show all
      </button>
    </p>
  );
}
