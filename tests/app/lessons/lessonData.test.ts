import { describe, expect, it } from 'vitest';
import { LESSONS } from '../../../app/lessons/index.ts';
import { presetLink } from '../../../app/lessons/presetLink.ts';
import { decodeLink, encodeLink } from '../../../src/config/codec.ts';
import { LESSON_NAMES, LESSON_STEPS } from '../../../src/config/lessonNames.ts';
import { PRESETS } from '../../../src/config/presets.ts';

describe('the guided lessons', () => {
  it('are the six the issue names, in teaching order, each with the step count the link reader checks against', () => {
    expect(LESSONS.map((lesson) => lesson.title)).toEqual([
      'Learning from its own labels',
      'When it goes wrong: confirmation bias',
      'A critic that says no',
      'The recipe that tunes itself',
      'Keeping it honest: the audit against the truth',
      'Real images: MNIST and the drawing pad',
    ]);
    expect(LESSONS.map((lesson) => lesson.name)).toEqual(LESSON_NAMES);
    for (const lesson of LESSONS) expect(lesson.steps).toHaveLength(LESSON_STEPS[lesson.name]);
  });

  it('run, in every step, a complete canonical link that decodes without a note', () => {
    for (const lesson of LESSONS) {
      for (const step of lesson.steps) {
        const { config, notes } = decodeLink(step.link);
        expect(notes, `${lesson.name}: ${step.title}`).toEqual([]);
        expect(encodeLink(config)).toBe(step.link);
      }
    }
  });

  it('ask before every run a question of two to four choices with exactly one right', () => {
    for (const lesson of LESSONS) {
      for (const step of lesson.steps) {
        expect(step.choices.length).toBeGreaterThanOrEqual(2);
        expect(step.choices.length).toBeLessThanOrEqual(4);
        expect(step.choices.filter((choice) => choice.right), `${lesson.name}: ${step.title}`).toHaveLength(1);
        expect(new Set(step.choices.map((choice) => choice.text)).size).toBe(step.choices.length);
        for (const text of [step.lookAt, step.question, step.why, step.explanation, step.tryThis]) expect(text.length).toBeGreaterThan(20);
      }
    }
  });

  it('use the population, critic, audit and recipe search in lessons 3 to 5', () => {
    const configs = (name: string) => LESSONS.find((lesson) => lesson.name === name)!.steps.map((step) => decodeLink(step.link).config);
    expect(configs('critic').every((config) => config.critic === 'committee' && config.students > 1)).toBe(true);
    expect(configs('recipe-search').some((config) => config.search === 'bandit')).toBe(true);
    expect(configs('audit').every((config) => config.audit > 0)).toBe(true);
  });

  it('carry teacher notes: a time, things to discuss and common wrong predictions', () => {
    for (const lesson of LESSONS) {
      expect(lesson.notes.minutes).toBeGreaterThan(0);
      expect(lesson.notes.discuss.length).toBeGreaterThan(0);
      expect(lesson.notes.wrongPredictions.length).toBeGreaterThan(0);
    }
  });
});

describe('presetLink', () => {
  it('gives the preset link with the named settings changed, and refuses an unknown preset or setting', () => {
    expect(presetLink(PRESETS[0].name)).toBe(PRESETS[0].link);
    expect(decodeLink(presetLink(PRESETS[0].name, { gens: 3, seed: 7 })).config).toEqual({ ...decodeLink(PRESETS[0].link).config, gens: 3, seed: 7 });
    expect(() => presetLink('No such preset')).toThrow(/no preset/);
    expect(() => presetLink(PRESETS[0].name, { wings: 2 })).toThrow(/no setting "wings"/);
  });
});
