import type { ExperimentConfig } from '../config/schema.ts';
import { encodeLink } from '../config/codec.ts';
import type { Backend } from '../engine/backend.ts';
import type { Network } from '../model/types.ts';
import { throwIfAborted } from './errors.ts';
import type { ExperimentResult, GenerationResult, RunOptions } from './events.ts';
import { NO_TEACHING, teach, teachFromOutside, trainStudent, type Teaching } from './generation.ts';
import { trainOracle } from './oracle.ts';
import { admitsSomethingNew } from './selection.ts';
import { loopStart } from './resume.ts';
import { openSession, type RunSession } from './session.ts';

/**
 * Runs one self-training experiment on `backend`: the all-labels oracle first (so a chart
 * can draw its reference line while the generations run), then generation 0 on the labelled
 * set alone, then up to `config.gens` teacher → student generations. Deterministic from
 * `config.seed`. Rejects with an AbortError (RunAbortedError) when `options.signal` aborts.
 * With `options.resume` it goes on after that point's last generation (the oracle's accuracy
 * is taken from it, not retrained) and ends with the same result an uninterrupted run gives.
 */
export async function runExperiment(config: ExperimentConfig, backend: Backend, options: RunOptions = {}): Promise<ExperimentResult> {
  throwIfAborted(options.signal);
  const session = openSession(config, backend, options);
  try {
    session.emit({ type: 'start', backend: backend.info, config, generations: config.gens, epochs: config.epochs });
    const oracleAccuracy = options.resume ? options.resume.oracleAccuracy : await trainOracle(session);
    session.emit({ type: 'reference', name: 'oracle', testAccuracy: oracleAccuracy });
    const { generations, stoppedEarly } = await runGenerations(session, oracleAccuracy, options);
    const result: ExperimentResult = {
      link: encodeLink(config),
      config,
      backend: backend.info.kind,
      adapter: backend.info.adapter,
      testSize: session.split.test.n,
      baseline: { testAccuracy: generations[0].testAccuracy },
      oracle: { testAccuracy: oracleAccuracy },
      generations,
    };
    session.emit({ type: 'done', result, stoppedEarly });
    return result;
  } finally {
    session.dispose();
  }
}

/**
 * Generation 0 (or the one after `options.resume`), then students of their predecessors until
 * `gens` or until nothing new is admitted.
 */
async function runGenerations(
  session: RunSession,
  oracleAccuracy: number,
  options: RunOptions,
): Promise<{ generations: GenerationResult[]; stoppedEarly: boolean }> {
  const start = loopStart(session, options.resume, NO_TEACHING.selection);
  const { generations } = start;
  let teacher: Network | null = start.teacher;
  let previous = start.previous;
  try {
    for (let generation = start.next; generation <= session.config.gens; generation++) {
      const teaching = teacher ? await teach(session, teacher, generation, options.labeler) : await firstTeaching(session, options);
      if (generation > 0 && !admitsSomethingNew(previous, teaching.selection)) return { generations, stoppedEarly: true };
      const { student, event } = await trainStudent(session, generation, teacher, teaching);
      teacher?.dispose();
      teacher = student;
      previous = teaching.selection;
      generations.push(event.result);
      if (options.onResumePoint || options.onModel) {
        const teacherParameters = await student.getParameters();
        options.onModel?.({ generation, spec: session.spec, parameters: teacherParameters.slice() });
        options.onResumePoint?.({ generations: [...generations], oracleAccuracy, teacherParameters, selection: previous, committee: session.committee ?? undefined });
      }
      session.emit(event);
      await session.hold('generation');
    }
    return { generations, stoppedEarly: false };
  } finally {
    teacher?.dispose();
  }
}

/** Generation 0's teaching: from `options.firstTeacher` when there is one, else none. */
function firstTeaching(session: RunSession, options: RunOptions): Promise<Teaching> {
  return options.firstTeacher ? teachFromOutside(session, options.firstTeacher) : Promise.resolve(NO_TEACHING);
}
