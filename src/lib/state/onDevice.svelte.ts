// What this browser offers the on-device engine: the GPU probe (asked once, before any download),
// the models web-llm has cached, storage used and available, and persistent storage.

import { errorText } from '../i18n/errors';
import type { EngineSettings } from '../engine';
import {
  assessModel,
  deleteCachedLibraries,
  deleteCachedModel,
  findCachedModel,
  probeGpu,
  readCacheInventory,
  resolveModel,
  runnableAlternative,
  storageEstimate,
  webLlmSettingsProblems,
  type CacheInventory,
  type CachedModel,
  type GpuProbe,
  type ModelFit,
  type ResolvedModel,
  type RunnableAlternative,
} from '../engine/webllm';

export class OnDeviceState {
  #probe = $state.raw<GpuProbe | null>(null);
  #inventory = $state.raw<CacheInventory | null>(null);
  #estimate = $state.raw<{ usage: number; quota: number } | null>(null);
  #persisted = $state<boolean | null>(null);
  #problem = $state<string | null>(null);
  #probing: Promise<GpuProbe> | null = null;

  /** The GPU probe, once it has run (see `probe()`). */
  get gpu(): GpuProbe | null {
    return this.#probe;
  }

  get inventory(): CacheInventory | null {
    return this.#inventory;
  }

  get estimate(): { usage: number; quota: number } | null {
    return this.#estimate;
  }

  /** Whether the browser keeps this site's storage under pressure; null when unknown. */
  get persisted(): boolean | null {
    return this.#persisted;
  }

  /** The last storage operation's failure, for display. */
  get problem(): string | null {
    return this.#problem;
  }

  /** Probes the GPU once; later calls reuse the answer. */
  probe(): Promise<GpuProbe> {
    this.#probing ??= probeGpu().then((probe) => (this.#probe = probe));
    return this.#probing;
  }

  /** Whether `model` runs on this GPU; null until the probe has answered. */
  fit(model: Pick<ResolvedModel, 'requiresShaderF16' | 'vramMB'>): ModelFit | null {
    return this.#probe ? assessModel(model, this.#probe) : null;
  }

  /** The on-device model these settings choose, when they are usable web-llm settings; else null. */
  modelFor(settings: EngineSettings): ResolvedModel | null {
    return settings.kind === 'webllm' && webLlmSettingsProblems(settings).length === 0 ? resolveModel(settings) : null;
  }

  /**
   * When the on-device model these settings choose cannot run on this GPU: the best catalog model
   * that can, with the same other settings. Null otherwise, and until the probe has answered.
   */
  alternativeFor(settings: EngineSettings): RunnableAlternative | null {
    return settings.kind === 'webllm' && this.#probe ? runnableAlternative(settings, this.#probe) : null;
  }

  /** The cache entry for `model`, if any of it is cached. */
  cached(model: Pick<ResolvedModel, 'id' | 'modelUrl'>): CachedModel | undefined {
    return this.#inventory ? findCachedModel(this.#inventory, model) : undefined;
  }

  /** Re-reads the model cache, the storage estimate and the persistence state. */
  async refresh(): Promise<void> {
    try {
      const [inventory, estimate, persisted] = await Promise.all([
        typeof caches === 'undefined' ? Promise.resolve({ models: [], libraries: { urls: [], bytes: 0 } }) : readCacheInventory(caches),
        storageEstimate(),
        navigator.storage?.persisted ? navigator.storage.persisted() : Promise.resolve(null),
      ]);
      this.#inventory = inventory;
      this.#estimate = estimate;
      this.#persisted = persisted;
      this.#problem = null;
    } catch (err) {
      this.#problem = errorText(err);
    }
  }

  async deleteModel(base: string): Promise<void> {
    await this.#act(() => deleteCachedModel(caches, base));
  }

  async deleteLibraries(): Promise<void> {
    await this.#act(() => deleteCachedLibraries(caches));
  }

  /** Asks the browser not to evict the downloaded models under storage pressure. */
  async requestPersistence(): Promise<void> {
    await this.#act(async () => {
      if (!navigator.storage?.persist) throw new Error('this browser cannot make storage persistent');
      this.#persisted = await navigator.storage.persist();
    });
  }

  async #act(action: () => Promise<void>): Promise<void> {
    try {
      await action();
      await this.refresh();
    } catch (err) {
      this.#problem = errorText(err);
    }
  }
}
