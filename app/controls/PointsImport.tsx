import { useState, type ChangeEvent } from 'react';
import { encodeLink, linkLengthNote } from '../../src/config/codec.ts';
import type { ExperimentConfig } from '../../src/config/schema.ts';
import { decodePoints, encodePoints } from '../../src/data/customPoints.ts';
import { saveFile } from '../downloads/saveFile.ts';
import { labStore } from '../store/useLabStore.ts';
import { withParam } from './paramGroups.ts';

/** Bad lines named in the message at most; the rest are counted. */
const ERRORS_SHOWN = 8;

interface ImportMessage {
  /** Whether the file's points replaced the ones there were. */
  accepted: boolean;
  text: string;
  errors: string[];
}

/**
 * Under the Dataset of `data=custom`: a CSV file (`x,y,label`) replaces the points, and the
 * points save as one. A file without a good row leaves the points as they were; bad lines
 * are named either way. A link too long for its points says so and offers the CSV instead.
 */
export function PointsImport({ config }: { config: ExperimentConfig }) {
  const [message, setMessage] = useState<ImportMessage | null>(null);
  const points = decodePoints(config.points).points;
  const unclassed = points.filter((point) => point.label === undefined).length;
  const tooLong = linkLengthNote(encodeLink(config));

  const read = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    // The CSV reader (papaparse) loads on the first file, not with the page.
    const [{ importPointsCsv }, text] = await Promise.all([import('../../src/data/customCsv.ts'), file.text()]);
    const result = importPointsCsv(points, text);
    input.value = '';
    if (result.accepted) {
      const current = labStore.getState();
      current.setConfig(withParam(current.config, 'points', encodePoints(result.points)));
    }
    const said = result.accepted
      ? `Read ${result.points.length} points from ${file.name}${result.errors.length > 0 ? `; ${result.errors.length} lines were left out` : ''}.`
      : `${file.name} has no line that is a point (x,y,label), so your points are as they were.`;
    setMessage({ accepted: result.accepted, text: said, errors: result.errors });
  };

  const save = async () => {
    const { pointsToCsv } = await import('../../src/data/customCsv.ts');
    saveFile({ name: 'points.csv', type: 'text/csv', data: new TextEncoder().encode(pointsToCsv(points)) });
  };

  return (
    <div className="field points-import" data-testid="points-import">
      <label htmlFor="points-file">Your points (CSV: x,y,label)</label>
      <input id="points-file" type="file" accept=".csv,text/csv,text/plain" aria-describedby="points-help" onChange={(event) => void read(event)} />
      <p className="field__help" id="points-help">
        {points.length} points{unclassed > 0 ? `, ${unclassed} without a class` : ''}. x and y from -6 to 6; label a class from 0 to 9, or empty for a point
        with no class (it joins the pool: pseudo-labelled and trained on, not scored).{' '}
        <button type="button" className="button" onClick={() => void save()}>
          Save the points as CSV
        </button>
      </p>
      {tooLong && (
        <p className="field__help" role="status">
          {tooLong}
        </p>
      )}
      {message && (
        <div className="points-import__message" role={message.accepted && message.errors.length === 0 ? 'status' : 'alert'}>
          <p>{message.text}</p>
          {message.errors.length > 0 && (
            <ul>
              {message.errors.slice(0, ERRORS_SHOWN).map((error) => (
                <li key={error}>{error}</li>
              ))}
              {message.errors.length > ERRORS_SHOWN && <li>…and {message.errors.length - ERRORS_SHOWN} more</li>}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
