import { useState } from 'react';

/**
 * What a text or number field shows while a person types: their text, as long as the
 * config still holds the value it was based on; the config's value once it changed
 * elsewhere (a preset, a pasted link) or the field was left.
 */
export function useDraft(value: string): { shown: string; keep(text: string, base: string): void; drop(): void } {
  const [draft, setDraft] = useState<{ text: string; base: string } | null>(null);
  return {
    shown: draft !== null && draft.base === value ? draft.text : value,
    keep: (text, base) => setDraft({ text, base }),
    drop: () => setDraft(null),
  };
}
