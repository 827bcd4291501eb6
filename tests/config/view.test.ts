import { describe, expect, it } from 'vitest';
import { decodeLink, encodeLink } from '../../src/config/codec.ts';
import { defaultConfig } from '../../src/config/params.ts';
import { DEFAULT_VIEW, HIDE_TARGETS, isHidden, type ViewOptions } from '../../src/config/view.ts';

const BASE = encodeLink(defaultConfig());

describe('the view keys present, hide and goal', () => {
  it('are read beside the experiment, which they leave as it is, with no notes', () => {
    const decoded = decodeLink(`#${BASE}&present=1&hide=model,training,lr,presets&goal=90`);
    expect(decoded.notes).toEqual([]);
    expect(decoded.config).toEqual(defaultConfig());
    expect(decoded.view).toEqual({ present: true, hide: ['model', 'training', 'lr', 'presets'], goal: 90, lesson: null });
  });

  it('survive encoding: a link with a view decodes to the same view and re-encodes to the same text', () => {
    const views: ViewOptions[] = [
      DEFAULT_VIEW,
      { present: true, hide: [], goal: null, lesson: null },
      { present: false, hide: ['selection', 'seed'], goal: 72.5, lesson: null },
      { present: true, hide: HIDE_TARGETS, goal: 100, lesson: null },
    ];
    for (const view of views) {
      const link = encodeLink(defaultConfig(), view);
      const decoded = decodeLink(link);
      expect(decoded.notes).toEqual([]);
      expect(decoded.view).toEqual(view);
      expect(encodeLink(decoded.config, decoded.view)).toBe(link);
    }
    expect(encodeLink(defaultConfig(), DEFAULT_VIEW)).toBe(BASE);
    expect(encodeLink(defaultConfig(), { present: true, hide: ['run', 'lr'], goal: 90, lesson: null })).toBe(`${BASE}&present=1&hide=run,lr&goal=90`);
  });

  it('read spellings a teacher may type: a bare present, yes/on, a goal with %, names in any case with spaces', () => {
    expect(decodeLink('present').view.present).toBe(true);
    expect(decodeLink('present=yes').view.present).toBe(true);
    expect(decodeLink('present=0').view.present).toBe(false);
    expect(decodeLink('goal=85%25').view.goal).toBe(85);
    expect(decodeLink('goal=66.66666').view.goal).toBe(66.67);
    expect(decodeLink('hide= Model , LR ,,model').view.hide).toEqual(['model', 'lr']);
  });

  it('ignore bad values with a note each, and the page keeps the rest of the link', () => {
    const decoded = decodeLink('labels=20&present=maybe&hide=model,wings,&goal=150');
    expect(decoded.config.labels).toBe(20);
    expect(decoded.view).toEqual({ present: false, hide: ['model'], goal: null, lesson: null });
    expect(decoded.notes).toEqual([
      'present=maybe is not 0 or 1; ignored',
      'hide= names "wings", not a group (data, model, training, selection, run, presets) or a setting; ignored',
      'goal=150 is not an accuracy from 0 to 100 (a percent, e.g. goal=90); ignored',
    ]);
    for (const goal of ['0', '-5', 'abc', '', 'NaN', '1e2', 'Infinity']) {
      const { view, notes } = decodeLink(`goal=${goal}`);
      expect(view.goal).toBeNull();
      expect(notes).toHaveLength(1);
    }
    expect(decodeLink('hide=v').notes).toHaveLength(1);
  });

  it('never name the link version, and name each other control once', () => {
    expect(HIDE_TARGETS).not.toContain('v');
    expect(new Set(HIDE_TARGETS).size).toBe(HIDE_TARGETS.length);
    expect(HIDE_TARGETS).toEqual(expect.arrayContaining(['data', 'model', 'training', 'selection', 'run', 'presets', 'labels', 'lr', 'seed']));
  });
});

describe('isHidden', () => {
  it('hides a control by its group or by its own name', () => {
    expect(isHidden(['training'], 'lr', 'training')).toBe(true);
    expect(isHidden(['lr'], 'lr', 'training')).toBe(true);
    expect(isHidden(['lr'], 'batch', 'training')).toBe(false);
    expect(isHidden(['model'], 'model', 'model')).toBe(true);
    expect(isHidden(['presets'], 'presets')).toBe(true);
    expect(isHidden(['run'], 'presets')).toBe(false);
  });
});
