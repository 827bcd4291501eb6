/**
 * The module Web Worker entry: commands in, protocol messages out. All logic lives in the
 * controller, so this file only connects it to the worker's message port.
 */
import { httpSource } from '../data/images/httpSource.ts';
import { createRunController } from './controller.ts';
import type { WorkerCommand, WorkerMessage } from './protocol.ts';
import { createEventLoopYield } from './yieldToEventLoop.ts';

// onnxruntime-web is a chunk of its own, fetched only when a run asks for labeler=onnx.
const loadOrt = () => import('../onnx/webOrt.ts').then((module) => module.loadWebOrt());
const controller = createRunController((message: WorkerMessage) => self.postMessage(message), createEventLoopYield(), httpSource, loadOrt);
self.onmessage = (event: MessageEvent<WorkerCommand>) => controller.handle(event.data);
