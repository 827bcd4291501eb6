/** The classifier's module Web Worker entry: one ClassifyRequest in, its ClassifyReply out. */
import type { ClassifyReply, ClassifyRequest } from './classifyProtocol.ts';
import { classifyRows } from './classifyRows.ts';

self.onmessage = async ({ data: { id, model, inputs } }: MessageEvent<ClassifyRequest>) => {
  let reply: ClassifyReply;
  try {
    reply = { id, probabilities: await classifyRows(model, inputs) };
  } catch (error) {
    reply = { id, error: error instanceof Error ? error.message : String(error) };
  }
  self.postMessage(reply);
};
