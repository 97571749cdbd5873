// The dedicated worker that runs web-llm, so loading and generating never block the page.
// It only wires the worker's messages to WorkerHandler; everything else lives in the modules it imports.

import type { PageToWorker, WorkerToPage } from './protocol';
import { watchDeviceLoss, webLlmRuntime } from './runtime';
import { WorkerHandler } from './workerHandler';

const handler = new WorkerHandler(webLlmRuntime((message: WorkerToPage) => self.postMessage(message)));
watchDeviceLoss(self.navigator.gpu, () => handler.deviceLost());
self.onmessage = (event: MessageEvent<PageToWorker>) => handler.receive(event.data);
