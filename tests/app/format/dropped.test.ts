import { expect, test } from 'vitest';
import { droppedNote } from '../../../app/format/dropped.ts';
import { generationResult } from '../store/fixtures.ts';

test("a generation's dropped students as the Generations table notes them", () => {
  expect(droppedNote(generationResult(1, 0.85))).toBeNull();
  const one = { ...generationResult(1, 0.85), dropped: [{ student: 2, epoch: 3, reason: 'the loss became non-finite' }] };
  expect(droppedNote(one)).toBe('1 student dropped: #2 at epoch 3, the loss became non-finite');
  const two = { ...one, dropped: [...one.dropped, { student: 0, epoch: 5, reason: 'the loss rose to 291 (above 100)' }] };
  expect(droppedNote(two)).toBe('2 students dropped: #2 at epoch 3, the loss became non-finite; #0 at epoch 5, the loss rose to 291 (above 100)');
});
