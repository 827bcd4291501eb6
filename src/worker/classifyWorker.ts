/** The classifier's module Web Worker entry: one ClassifyRequest in, its ClassifyReply out. */
import type { ClassifyRequest } from './classifyProtocol.ts';
import { replyTo } from './classifyRows.ts';

self.onmessage = async ({ data }: MessageEvent<ClassifyRequest>) => self.postMessage(await replyTo(data));
