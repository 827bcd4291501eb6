import { linkNotesSelector } from '../store/selectors.ts';
import { labStore, useLab } from '../store/useLabStore.ts';

/** What a shared link needed changing to become a valid experiment; stays until dismissed. */
export function LinkNote() {
  const notes = useLab(linkNotesSelector);
  if (notes.length === 0) return null;
  return (
    <div className="link-note" role="note" aria-labelledby="link-note-title">
      <p id="link-note-title" className="link-note__title">
        This link was adjusted:
      </p>
      <ul className="link-note__list">
        {notes.map((note, index) => (
          <li key={index}>{note}</li>
        ))}
      </ul>
      <button type="button" className="button button--small" onClick={labStore.getState().dismissLinkNotes}>
        Dismiss
      </button>
    </div>
  );
}
