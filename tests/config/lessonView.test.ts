import { describe, expect, it } from 'vitest';
import { decodeLink, encodeLink } from '../../src/config/codec.ts';
import { LESSON_NAMES, LESSON_STEPS } from '../../src/config/lessonNames.ts';
import { defaultConfig } from '../../src/config/params.ts';
import { DEFAULT_VIEW } from '../../src/config/view.ts';

const BASE = encodeLink(defaultConfig());

describe('the view keys lesson and step', () => {
  it('open a lesson at a step, leave the experiment as it is, and re-encode to the same text', () => {
    for (const name of LESSON_NAMES) {
      for (let step = 1; step <= LESSON_STEPS[name]; step++) {
        const link = `${BASE}&lesson=${name}&step=${step}`;
        const decoded = decodeLink(link);
        expect(decoded.notes).toEqual([]);
        expect(decoded.config).toEqual(defaultConfig());
        expect(decoded.view).toEqual({ ...DEFAULT_VIEW, lesson: { name, step } });
        expect(encodeLink(decoded.config, decoded.view)).toBe(link);
      }
    }
  });

  it('read a lesson without a step as step 1, and names in any case', () => {
    expect(decodeLink('lesson=Critic').view.lesson).toEqual({ name: 'critic', step: 1 });
    expect(decodeLink('lesson=audit&step= 2 ').view.lesson).toEqual({ name: 'audit', step: 2 });
    expect(decodeLink('lesson=audit').notes).toEqual([]);
  });

  it('ignore an unknown lesson and a step without a lesson, with a note each', () => {
    const unknown = decodeLink('labels=20&lesson=alchemy&step=2');
    expect(unknown.config.labels).toBe(20);
    expect(unknown.view.lesson).toBeNull();
    expect(unknown.notes).toEqual([`lesson=alchemy is not a lesson (${LESSON_NAMES.join(', ')}); ignored`]);
    const alone = decodeLink('step=2');
    expect(alone.view.lesson).toBeNull();
    expect(alone.notes).toEqual(['step=2 needs a lesson= to go with it; ignored']);
  });

  it('open step 1 for a step that is not a number, and the last step for one past the end, with a note', () => {
    for (const step of ['0', '-1', 'two', '', '1.5', '1e1']) {
      const { view, notes } = decodeLink(`lesson=critic&step=${step}`);
      expect(view.lesson).toEqual({ name: 'critic', step: 1 });
      expect(notes).toEqual([`step=${step} is not a step number from 1 to ${LESSON_STEPS.critic}; opening step 1`]);
    }
    const past = decodeLink('lesson=critic&step=99');
    expect(past.view.lesson).toEqual({ name: 'critic', step: LESSON_STEPS.critic });
    expect(past.notes).toEqual([`step=99: the lesson "critic" has ${LESSON_STEPS.critic} steps; opening step ${LESSON_STEPS.critic}`]);
  });
});
