/** The classifier's module Web Worker entry: one ClassifyRequest in, its ClassifyReply out. */
import type { ClassifyRequest } from './classifyProtocol.ts';
import { createRowClassifier, replyTo } from './classifyRows.ts';

const classifier = createRowClassifier();
self.onmessage = async ({ data }: MessageEvent<ClassifyRequest>) => self.postMessage(await replyTo(classifier, data));
