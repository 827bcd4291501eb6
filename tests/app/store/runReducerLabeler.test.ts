import { expect, test } from 'vitest';
import { reduceRunMessage, startedRun } from '../../../app/store/runReducer.ts';
import type { LabelerStatus, WorkerMessage } from '../../../src/worker/protocol.ts';

const ONNX: LabelerStatus = { name: 'onnx', text: 'Pseudo-labels: onnxruntime-web 1.30.0 on WebGPU', fallback: false };
const labelerMessage = (runId: number): WorkerMessage => ({ type: 'labeler', runId, labeler: ONNX });

test('the run keeps who labels its pool; another run, or an ended one, ignores it; a new run starts without', () => {
  const run = startedRun(4, 3, 10);
  expect(run.labeler).toBeNull();
  expect(reduceRunMessage(run, labelerMessage(4))).toEqual({ labeler: ONNX });
  expect(reduceRunMessage(run, labelerMessage(3))).toBeNull();
  expect(reduceRunMessage({ ...run, status: 'error' }, labelerMessage(4))).toBeNull();
});
