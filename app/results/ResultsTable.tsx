import { populationNote } from '../charts/accuracyData.ts';
import { formatCount, formatPercent } from '../format/percent.ts';
import { criticCells, type CriticCells } from '../format/critic.ts';
import { auditCells, auditSummary, type AuditCells } from '../format/audit.ts';
import { droppedNote } from '../format/dropped.ts';
import { studentCells, type StudentCells } from '../format/population.ts';
import type { GenerationResult } from '../../src/selftrain/events.ts';
import { recipeCells } from '../format/recipe.ts';
import { warmupGainText } from '../format/warmup.ts';
import { auditSizeSelector, criticSelector, pinLabelsSelector, datasetSelector, gateSelector, resultsSelector, searchRecipeSelector, stoppedEarlySelector, studentsSelector } from '../store/selectors.ts';
import { useLab } from '../store/useLabStore.ts';
import { useShallow } from 'zustand/react/shallow';
import { SaveTableButton } from '../downloads/SaveTableButton.tsx';

/** One row per generation; also the text alternative of the accuracy chart. */
export function ResultsTable({ id }: { id: string }) {
  const results = useLab(resultsSelector);
  const stoppedEarly = useLab(stoppedEarlySelector);
  const students = useLab(studentsSelector);
  const population = students > 1;
  const critic = useLab(criticSelector);
  const audit = useLab(auditSizeSelector);
  const gate = useLab(gateSelector);
  const recipe = useLab(searchRecipeSelector);
  const warmup = results.some((row) => row.warmup);
  const last = results.at(-1)?.generation ?? 0;
  const summary = results.length > 0 ? auditSummary(results[results.length - 1]) : null;
  const data = useLab(datasetSelector);
  const pins = useLab((state) => state.pins);
  const pinLabels = useLab(useShallow(pinLabelsSelector));
  return (
    // A region, because on a narrow screen it scrolls sideways and takes keyboard focus.
    <div className="results" role="region" aria-labelledby={`${id}-caption`}>
      <table id={id} className="results__table">
        <caption id={`${id}-caption`}>Generations</caption>
        <thead>
          <tr>
            <th scope="col">Generation</th>
            <th scope="col">Test accuracy</th>
            {warmup && <th scope="col">Warm-up gain</th>}
            {audit > 0 && (
              <>
                <th scope="col">Audit estimate</th>
                <th scope="col">Audit interval</th>
              </>
            )}
            {gate && <th scope="col">Gate</th>}
            {population && (
              <>
                <th scope="col">Students min–max</th>
                <th scope="col">Chosen student</th>
                <th scope="col">Each student</th>
              </>
            )}
            {recipe && <th scope="col">Chosen recipe</th>}
            <th scope="col">Pseudo-label accuracy</th>
            {critic && (
              <>
                <th scope="col">Vetoed</th>
                <th scope="col">Critic precision</th>
                <th scope="col">Critic recall</th>
              </>
            )}
            <th scope="col">Coverage</th>
            <th scope="col">Pseudo-labels</th>
            {pinLabels.map((label, i) => (
              <th scope="col" key={`pin-${i}`} className="results__pinned">
                Pinned run {i + 1} ({label})
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {results.map((row) => (
            <tr key={row.generation} className={row.gate?.accepted === false ? 'results__row--rejected' : undefined}>
              <th scope="row">
                {row.generation}
                <DroppedNote result={row} />
              </th>
              <td>{formatPercent(row.testAccuracy)}</td>
              {warmup && <td className="results__warmup">{warmupGainText(row) ?? '—'}</td>}
              {audit > 0 && <AuditColumns cells={auditCells(row)} gate={gate} />}
              {population && <PopulationCells cells={studentCells(row)} />}
              {recipe && <td className="results__recipe">{recipeCells(row, recipe)?.chosen ?? '—'}</td>}
              <td>{formatPercent(row.pseudoLabelAccuracy)}</td>
              {critic && <CriticColumns cells={criticCells(row)} />}
              <td>{formatPercent(row.coverage)}</td>
              <td>{formatCount(row.pseudoLabels)}</td>
              {pins.map((pin, i) => (
                <td key={`pin-${i}`} className="results__pinned">
                  {formatPercent(pin.testAccuracy[row.generation] ?? null)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {population && (
        <p className="results__note">
          Test accuracy is the chosen student&apos;s, the next teacher: {populationNote(students, audit)}.
        </p>
      )}
      {warmup && (
        <p className="results__note">
          Warm-up gain: generation 0&apos;s test accuracy minus that of the same student trained the same way from its own initial weights, without
          the warm-up.
        </p>
      )}
      {audit > 0 && (
        <p className="results__note">
          The audit: {audit} labelled examples a person checked, never trained on. Its estimate is the chosen student&apos;s score on them, beside
          the true test accuracy; the interval holds its true accuracy with 95% confidence even though it was picked for scoring best on the same
          examples (exact binomial bounds, Bonferroni over the students).
          {gate && ' A rejected generation is the challenger the gate turned away: its row is the challenger’s, and the champion teaches the next generation.'}
        </p>
      )}
      {summary && <p className="results__note results__audit-summary">{summary}</p>}
      {critic && (
        <p className="results__note">
          The critic: a pseudo-label is admitted only where enough of the last generation&apos;s students predict the teacher&apos;s class.
          Precision is the share of its vetoes that were really wrong labels, recall the share of the teacher&apos;s wrong labels it caught.
        </p>
      )}
      <SaveTableButton tableId={id} fileName={`${data}-generations.csv`} />
      {results.length === 0 && <p className="results__note">No generations yet: press Run, or Step for one generation at a time.</p>}
      {stoppedEarly && (
        <p className="results__note">
          Stopped early: generation {last + 1} would have admitted no new pseudo-labels, so it would have trained on the same data as
          generation {last}.
        </p>
      )}
    </div>
  );
}

/** Under the generation's number, which students it dropped because their loss diverged (docs/population.md). */
function DroppedNote({ result }: { result: GenerationResult }) {
  const note = droppedNote(result);
  return note && <span className="results__dropped">{note}</span>;
}

/** A generation's student columns: the spread, the chosen student, every student's accuracy (the chosen in bold). */
function PopulationCells({ cells }: { cells: StudentCells | null }) {
  if (!cells) return <td colSpan={3}>—</td>;
  return (
    <>
      <td>{cells.spread}</td>
      <td>{cells.chosen}</td>
      <td className="results__students">
        {cells.each.map((student, k) => (
          <span key={k}>
            {k > 0 && ' '}
            {student.chosen ? <strong>{student.text}</strong> : student.text}
          </span>
        ))}
      </td>
    </>
  );
}

/** A generation's audit columns: estimate and interval, then under the gate its verdict (rejected with the reason). */
function AuditColumns({ cells, gate }: { cells: AuditCells | null; gate: boolean }) {
  if (!cells) return <td colSpan={gate ? 3 : 2}>—</td>;
  return (
    <>
      <td>{cells.estimate}</td>
      <td>{cells.interval}</td>
      {gate && (
        <td className="results__gate" title={cells.gate?.reason}>
          {cells.gate ? (cells.gate.rejected ? `rejected: ${cells.gate.reason}` : cells.gate.text) : '—'}
        </td>
      )}
    </>
  );
}

/** A generation's critic columns: vetoed, precision, recall (dashes at generation 0, where it did not vote). */
function CriticColumns({ cells }: { cells: CriticCells | null }) {
  if (!cells) return <td colSpan={3}>—</td>;
  return (
    <>
      <td>{cells.vetoed}</td>
      <td>{cells.precision}</td>
      <td>{cells.recall}</td>
    </>
  );
}
