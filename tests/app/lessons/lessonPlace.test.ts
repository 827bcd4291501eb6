import { describe, expect, it } from 'vitest';
import { LESSONS } from '../../../app/lessons/index.ts';
import { isStepConfig, loadStep, openLesson, stepConfig } from '../../../app/lessons/lessonPlace.ts';
import { labStore } from '../../../app/store/useLabStore.ts';
import { decodeLink } from '../../../src/config/codec.ts';
import { defaultConfig } from '../../../src/config/params.ts';

const [first, second] = LESSONS[0].steps;

describe('a lesson step on the page', () => {
  it("sets the page to the step's experiment on the page's backend, and leaves an experiment that already is the step's alone", () => {
    labStore.getState().setConfig({ ...defaultConfig(), backend: 'cpu' }, ['an old note']);
    loadStep(first);
    const loaded = labStore.getState().config;
    expect(loaded).toEqual({ ...decodeLink(first.link).config, backend: 'cpu' });
    expect(labStore.getState().linkNotes).toEqual([]);
    expect(isStepConfig(first, loaded)).toBe(true);
    expect(isStepConfig(second, loaded)).toBe(false);
    loadStep(first);
    expect(labStore.getState().config).toBe(loaded);
    // One setting changed (the step's "try this") is no longer the step's experiment.
    expect(isStepConfig(first, { ...loaded, labels: 6 })).toBe(false);
    expect(stepConfig(second, loaded)).toEqual({ ...decodeLink(second.link).config, backend: 'cpu' });
  });

  it('opens and closes a lesson in the view, keeping the rest of the view', () => {
    labStore.getState().setView({ ...labStore.getState().view, goal: 90 });
    openLesson('audit', 2);
    expect(labStore.getState().view).toMatchObject({ goal: 90, lesson: { name: 'audit', step: 2 } });
    openLesson(null);
    expect(labStore.getState().view).toMatchObject({ goal: 90, lesson: null });
  });
});
