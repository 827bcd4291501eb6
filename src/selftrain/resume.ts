import { createNetwork } from '../model/network.ts';
import type { Network } from '../model/types.ts';
import type { ResumePoint } from './events.ts';
import type { Selection } from './selection.ts';
import type { RunSession } from './session.ts';

/** Where the generation loop starts: from scratch, or after a resume point's last generation. */
export interface LoopStart {
  next: number;
  teacher: Network | null;
  previous: Selection;
  generations: ResumePoint['generations'];
}

/**
 * The resume point's teacher rebuilt on this session's backend. The seed is irrelevant (the
 * parameters are overwritten), and no RNG of the run is drawn, so later generations match.
 */
export function restoreTeacher(session: RunSession, point: ResumePoint): Network {
  const network = createNetwork(session.backend, session.spec, 0);
  try {
    network.setParameters(point.teacherParameters);
    return network;
  } catch (error) {
    network.dispose();
    throw error;
  }
}

export function loopStart(session: RunSession, point: ResumePoint | undefined, fresh: Selection): LoopStart {
  if (!point) return { next: 0, teacher: null, previous: fresh, generations: [] };
  const last = point.generations.at(-1);
  if (!last) throw new Error('A resume point needs at least one finished generation.');
  session.committee = point.committee ?? null;
  session.lineage = point.lineage ?? null;
  return { next: last.generation + 1, teacher: restoreTeacher(session, point), previous: point.selection, generations: [...point.generations] };
}
