import type { ExperimentConfig } from '../config/schema.ts';
import { encodeLink } from '../config/codec.ts';
import type { Backend } from '../engine/backend.ts';
import type { Network } from '../model/types.ts';
import { throwIfAborted } from './errors.ts';
import type { ExperimentResult, GenerationResult, ResumePoint, RunOptions } from './events.ts';
import { NO_TEACHING, teach, teachFromOutside, trainStudent, type Teaching } from './generation.ts';
import { trainOracle, trainWithAudit } from './oracle.ts';
import { gateVerdict } from './audit.ts';
import { admitsSomethingNew } from './selection.ts';
import { loopStart } from './resume.ts';
import { openSession, type RunSession } from './session.ts';
import { trainSearchGeneration } from './search.ts';
import { accuracyWithoutWarmup, warmUp } from './warmup.ts';

/**
 * Runs one self-training experiment on `backend`: with `config.pretrain`, the self-supervised
 * warm-up first (src/selftrain/warmup.ts), then generation 0 on the labelled set alone, then
 * the all-labels oracle (its 'reference' event when it is known), then up to `config.gens`
 * teacher → student generations. Deterministic from `config.seed`; the oracle's RNG is its own
 * fork of the seed, so where it runs changes no number. Rejects with an AbortError
 * (RunAbortedError) when `options.signal` aborts. With `options.resume` it goes on after that
 * point's last generation (the oracle's accuracy is taken from it, or trained if the point
 * came before it) and ends with the same result an uninterrupted run gives. With an audit, the
 * labelled-only model trained on labels plus audit examples comes last (its own fork of the
 * seed, a 'reference' event named labels+audit), and with `gate` a generation's best teaches
 * next only if the audit scores it at least as high as its teacher.
 */
export async function runExperiment(config: ExperimentConfig, backend: Backend, options: RunOptions = {}): Promise<ExperimentResult> {
  throwIfAborted(options.signal);
  const session = openSession(config, backend, options);
  try {
    session.emit({ type: 'start', backend: backend.info, config, generations: config.gens, epochs: config.epochs });
    const oracle = createOracleStage(session, options.resume?.oracleAccuracy ?? null);
    // A resumed run is past generation 0: its warm-up is done and kept in the resume point.
    if (!options.resume) await warmUp(session);
    const { generations, stoppedEarly } = await runGenerations(session, oracle, options);
    // A run of generation 0 alone (gens=0) trains the oracle last.
    const oracleAccuracy = await oracle.ensure();
    const withAudit = session.audit ? await trainWithAudit(session) : null;
    if (withAudit !== null) session.emit({ type: 'reference', name: 'labels+audit', testAccuracy: withAudit });
    const result: ExperimentResult = {
      link: encodeLink(config),
      config,
      backend: backend.info.kind,
      adapter: backend.info.adapter,
      testSize: session.split.test.n,
      baseline: withAudit === null ? { testAccuracy: generations[0].testAccuracy } : { testAccuracy: generations[0].testAccuracy, withAudit: { testAccuracy: withAudit } },
      oracle: { testAccuracy: oracleAccuracy },
      generations,
    };
    const warmup = session.warmup?.result ?? options.resume?.warmup;
    if (warmup) result.warmup = warmup;
    session.emit({ type: 'done', result, stoppedEarly });
    return result;
  } finally {
    session.dispose();
  }
}

/** The oracle's accuracy once known (null before), and `ensure`, which trains it the first time it is called. */
interface OracleStage {
  accuracy(): number | null;
  ensure(): Promise<number>;
}

/**
 * The oracle trains after generation 0, not before: on MNIST it trains on the whole pool
 * (10,000 images), and a first point after seconds beats a reference line after minutes.
 * A known accuracy (a resume point's) is announced at once.
 */
function createOracleStage(session: RunSession, known: number | null): OracleStage {
  let accuracy = known;
  if (accuracy !== null) session.emit({ type: 'reference', name: 'oracle', testAccuracy: accuracy });
  return {
    accuracy: () => accuracy,
    async ensure() {
      if (accuracy === null) {
        accuracy = await trainOracle(session);
        session.emit({ type: 'reference', name: 'oracle', testAccuracy: accuracy });
      }
      return accuracy;
    },
  };
}

/**
 * Generation 0 (or the one after `options.resume`), then students of their predecessors until
 * `gens` or until nothing new is admitted; the oracle before the first generation after 0.
 */
async function runGenerations(
  session: RunSession,
  oracle: OracleStage,
  options: RunOptions,
): Promise<{ generations: GenerationResult[]; stoppedEarly: boolean }> {
  const start = loopStart(session, options.resume, NO_TEACHING.selection);
  const { generations } = start;
  let teacher: Network | null = start.teacher;
  let previous = start.previous;
  let point: ResumePoint | null = options.resume ?? null;
  try {
    for (let generation = start.next; generation <= session.config.gens; generation++) {
      if (generation > 0 && oracle.accuracy() === null) {
        const oracleAccuracy = await oracle.ensure();
        // A device lost from here on need not train the oracle again.
        if (point) options.onResumePoint?.((point = { ...point, oracleAccuracy }));
      }
      const teaching = teacher ? await teach(session, teacher, generation, options.labeler) : await firstTeaching(session, options);
      // Under a recipe search the students' recipes change from one generation to the next, so a repeated selection is no repeated generation.
      if (generation > 0 && session.config.search === 'off' && !admitsSomethingNew(previous, teaching.selection)) return { generations, stoppedEarly: true };
      const { student, event } =
        session.config.search === 'off'
          ? await trainStudent(session, generation, teacher, teaching)
          : await trainSearchGeneration(session, generation, teacher, teaching, generations);
      if (generation === 0 && session.warmup?.encoder) {
        const withoutTestAccuracy = await accuracyWithoutWarmup(session, teaching);
        event.result.warmup = { withoutTestAccuracy, gain: event.result.testAccuracy - withoutTestAccuracy };
      }
      const champion = teacher && session.config.gate ? championAudit(generations.at(-1)) : null;
      if (champion !== null) event.result.gate = gateVerdict(event.result.audit!.estimate, champion);
      const modelParameters = options.onModel ? await student.getParameters() : null;
      if (event.result.gate?.accepted === false) student.dispose();
      else {
        teacher?.dispose();
        teacher = student;
      }
      previous = teaching.selection;
      generations.push(event.result);
      if (modelParameters) options.onModel?.({ generation, spec: session.spec, parameters: modelParameters });
      if (options.onResumePoint && teacher) {
        const teacherParameters = await teacher.getParameters();
        const { committee, lineage } = session;
        point = { generations: [...generations], oracleAccuracy: oracle.accuracy(), teacherParameters, selection: previous, committee: committee ?? undefined, lineage: lineage ?? undefined };
        const warmup = session.warmup?.result ?? options.resume?.warmup;
        if (warmup) point.warmup = warmup;
        options.onResumePoint(point);
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

/**
 * The teacher's audit accuracy after generation `last`: its own when it was accepted (or ran
 * ungated), the champion's it kept when its gate rejected it. Read from the results alone, so
 * a resumed run gates exactly as an uninterrupted one.
 */
function championAudit(last: GenerationResult | undefined): number | null {
  if (!last?.audit) return null;
  return last.gate && !last.gate.accepted ? last.gate.champion : last.audit.estimate;
}
