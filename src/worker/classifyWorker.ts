/** The classifier's module Web Worker entry: one ClassifyRequest in, its ClassifyReply out. */
import type { ClassifyRequest } from './classifyProtocol.ts';
import { createRowClassifier, replyTo } from './classifyRows.ts';

// onnxruntime-web is a chunk of its own, fetched only when a probe asks for labeler=onnx.
const loadOrt = () => import('../onnx/webOrt.ts').then((module) => module.loadWebOrt());
const classifier = createRowClassifier(loadOrt);
self.onmessage = async ({ data }: MessageEvent<ClassifyRequest>) => self.postMessage(await replyTo(classifier, data));
