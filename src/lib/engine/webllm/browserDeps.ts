// The real browser behind WebLlmEngine: the worker, the GPU probe, storage estimates and the
// model cache. Kept apart so the engine's logic is unit-tested with fakes.

import { probeGpu, type GpuProbe } from './capability';
import { findCachedModel, readCacheInventory } from './modelCache';
import type { ResolvedModel } from './modelSpec';
import type { WorkerPort } from './workerClient';

/** Everything the engine needs from the browser, injectable for tests. */
export interface WebLlmDeps {
  spawn(): WorkerPort;
  probe(): Promise<GpuProbe>;
  /** Storage this site uses and may use, or null when the browser does not say. */
  estimate(): Promise<{ usage: number; quota: number } | null>;
  /** Bytes of this model already in the browser cache (a partial download counts). */
  cachedBytes(model: ResolvedModel): Promise<number>;
}

/** Storage this site uses and may use, or null when the browser does not say. */
export async function storageEstimate(): Promise<{ usage: number; quota: number } | null> {
  if (typeof navigator === 'undefined' || !navigator.storage?.estimate) return null;
  const { usage, quota } = await navigator.storage.estimate();
  return usage !== undefined && quota !== undefined ? { usage, quota } : null;
}

export const browserDeps: WebLlmDeps = {
  spawn: () => new Worker(new URL('./webllm.worker.ts', import.meta.url), { type: 'module', name: 'web-llm' }) as WorkerPort,
  probe: () => probeGpu(),
  estimate: storageEstimate,
  async cachedBytes(model) {
    if (typeof caches === 'undefined') return 0;
    return findCachedModel(await readCacheInventory(caches), model)?.bytes ?? 0;
  },
};
