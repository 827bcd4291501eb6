import { expect, test } from 'vitest';
import { defaultConfig } from '../../../src/config/params.ts';
import { createLabStore } from '../../../app/store/labStore.ts';
import { epochMessage, generationMessage, generationResult } from './fixtures.ts';

test('a run fills the run slice; reset clears it and the loss, and keeps the config', () => {
  const store = createLabStore(defaultConfig());
  const config = { ...store.getState().config, labels: 12 };
  store.getState().setConfig(config);
  store.getState().beginRun(1, 5, 30);
  store.getState().loss.append(0, 0.9);
  store.getState().receive(generationMessage(1, generationResult(0, 0.8)));
  expect(store.getState().run.results).toHaveLength(1);

  store.getState().resetRun();
  expect(store.getState().run.status).toBe('idle');
  expect(store.getState().run.results).toEqual([]);
  expect(store.getState().loss.length).toBe(0);
  expect(store.getState().config).toBe(config);
  // The reset run's late messages are stale.
  store.getState().receive(epochMessage(1, 1, 3));
  expect(store.getState().run.generation).toBe(-1);
});

test('link notes are set with a config and dismissed', () => {
  const store = createLabStore(defaultConfig());
  store.getState().setConfig(store.getState().config, ['labels=9999 is above the maximum 500; using 500']);
  expect(store.getState().linkNotes).toHaveLength(1);
  store.getState().dismissLinkNotes();
  expect(store.getState().linkNotes).toEqual([]);
});
