/**
 * The module Web Worker entry: commands in, protocol messages out. All logic lives in the
 * controller, so this file only connects it to the worker's message port.
 */
import { createRunController } from './controller.ts';
import type { WorkerCommand, WorkerMessage } from './protocol.ts';
import { createEventLoopYield } from './yieldToEventLoop.ts';

const controller = createRunController((message: WorkerMessage) => self.postMessage(message), createEventLoopYield());
self.onmessage = (event: MessageEvent<WorkerCommand>) => controller.handle(event.data);
