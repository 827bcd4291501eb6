/** A kernel thread in the browser: a module worker that threads.ts starts and Vite bundles from its URL. */
import { threadLoop, type ThreadStart } from './threadLoop.ts';

self.onmessage = (event: MessageEvent<ThreadStart>) => threadLoop(event.data, () => self.postMessage('ready'));
