// The GGUF models stored in this browser, as reactive state for Settings: the list and storage used,
// adding files (header checked first, then copied with progress and Cancel), removing, describing;
// and the model catalog: the device's recommendation, one-click downloads with pause and resume.

import { isAbortError } from '../core/errors';
import { errorText } from '../i18n/errors';
import {
  activeCatalog,
  catalogEntryBytes,
  discardCatalogDownload,
  downloadCatalogEntry,
  listPartialDownloads,
  recommendCatalogEntry,
  type CatalogEntry,
  type CatalogRecommendation,
  type DeviceFacts,
  type DownloadProgress,
  describeStoredModel,
  inspectModelFiles,
  listStoredModels,
  modelStorageAvailable,
  removeStoredModel,
  storageUsage,
  storeModelFiles,
  type GgufModelInfo,
  type StorageUsage,
  type StoredModel,
  probeWebGpu,
  type GpuProbeResult,
} from '../engine/gguf';

export interface AddProgress {
  name: string;
  loadedBytes: number;
  totalBytes: number;
}

/** One catalog entry's download, as Settings shows it. */
export interface CatalogDownload {
  status: 'downloading' | 'paused' | 'failed';
  progress: DownloadProgress;
  /** The failure in user words (status 'failed'). */
  error: string | null;
}

/** What the browser says about this device, for the catalog's recommendation and the GPU note. */
export async function gatherDeviceFacts(): Promise<DeviceFacts & { gpu: GpuProbeResult }> {
  const nav = navigator as Navigator & { deviceMemory?: number };
  const estimate = await navigator.storage?.estimate?.().catch(() => null);
  const gpu = await probeWebGpu();
  return {
    deviceMemoryGB: typeof nav.deviceMemory === 'number' ? nav.deviceMemory : null,
    storage: estimate?.quota !== undefined && estimate.usage !== undefined ? { quotaBytes: estimate.quota, usageBytes: estimate.usage } : null,
    logicalCores: navigator.hardwareConcurrency || 1,
    crossOriginIsolated: typeof crossOriginIsolated !== 'undefined' && crossOriginIsolated,
    webgpu: gpu.probe ? { isFallback: gpu.probe.isFallback, shaderF16: gpu.probe.shaderF16 } : null,
    gpu,
  };
}

export class GgufLibrary {
  /** The catalog offered (a parameter so tests and test builds can offer their own). */
  readonly catalog: readonly CatalogEntry[];
  #recommendation = $state.raw<CatalogRecommendation | null>(null);
  #gpu = $state.raw<GpuProbeResult | null>(null);
  #downloads = $state.raw<ReadonlyMap<string, CatalogDownload>>(new Map());
  #downloadControllers = new Map<string, AbortController>();

  constructor(catalog: readonly CatalogEntry[] = activeCatalog()) {
    this.catalog = catalog;
  }

  /** The entry this device should use, once the device has been looked at. */
  get recommendation(): CatalogRecommendation | null {
    return this.#recommendation;
  }

  /** Downloads running, paused (also from before a reload) or failed, by entry id. */
  get downloads(): ReadonlyMap<string, CatalogDownload> {
    return this.#downloads;
  }

  /** The stored model of a catalog entry, once downloaded and checked. */
  storedEntry(entryId: string): StoredModel | undefined {
    return this.#models.find((m) => m.catalog?.entryId === entryId);
  }

  /** This browser's WebGPU adapter as llama.cpp would see it, once the device has been looked at. */
  get gpu(): GpuProbeResult | null {
    return this.#gpu;
  }

  /** Probes WebGPU once (Settings shows whether the model would go to the GPU). */
  async probeGpu(): Promise<void> {
    if (!this.#gpu) this.#gpu = await probeWebGpu();
  }

  /** Looks at the device (memory, storage, threads, WebGPU) and picks the catalog entry to recommend. */
  async recommend(): Promise<void> {
    const facts = await gatherDeviceFacts();
    this.#gpu = facts.gpu;
    this.#recommendation = recommendCatalogEntry(facts, this.catalog);
  }

  #setDownload(entryId: string, value: CatalogDownload | null): void {
    const next = new Map(this.#downloads);
    if (value) next.set(entryId, value);
    else next.delete(entryId);
    this.#downloads = next;
  }

  /**
   * Downloads (or resumes) a catalog entry. Returns the stored model, or null when it was paused
   * or failed (the failure is in `downloads`).
   */
  async download(entryId: string): Promise<StoredModel | null> {
    const entry = this.catalog.find((e) => e.id === entryId);
    if (!entry || this.#downloadControllers.has(entryId)) return null;
    const controller = new AbortController();
    this.#downloadControllers.set(entryId, controller);
    const total = catalogEntryBytes(entry);
    const before = this.#downloads.get(entryId)?.progress;
    let progress: DownloadProgress = before ?? { loadedBytes: 0, totalBytes: total, bytesPerSecond: null, etaSeconds: null };
    this.#setDownload(entryId, { status: 'downloading', progress, error: null });
    try {
      const stored = await downloadCatalogEntry(entry, {
        signal: controller.signal,
        onProgress: (p) => {
          progress = p;
          this.#setDownload(entryId, { status: 'downloading', progress: p, error: null });
        },
      });
      this.#setDownload(entryId, null);
      await this.refresh();
      return stored;
    } catch (err) {
      if (isAbortError(err)) this.#setDownload(entryId, { status: 'paused', progress, error: null });
      else {
        this.#setDownload(entryId, { status: 'failed', progress, error: errorText(err) });
        await this.refresh();
      }
      return null;
    } finally {
      this.#downloadControllers.delete(entryId);
    }
  }

  /** Pauses a download: the bytes so far stay in the browser, and `download` continues from them. */
  pause(entryId: string): void {
    this.#downloadControllers.get(entryId)?.abort();
  }

  /** Stops a download and deletes what it stored. */
  async discard(entryId: string): Promise<void> {
    const controller = this.#downloadControllers.get(entryId);
    controller?.abort();
    await discardCatalogDownload(entryId);
    this.#setDownload(entryId, null);
    await this.refresh();
  }

  async #loadPartials(): Promise<void> {
    const partials = await listPartialDownloads();
    const next = new Map(this.#downloads);
    for (const p of partials) {
      if (next.has(p.entryId)) continue;
      const entry = this.catalog.find((e) => e.id === p.entryId);
      if (!entry) continue;
      next.set(p.entryId, { status: 'paused', progress: { loadedBytes: p.loadedBytes, totalBytes: catalogEntryBytes(entry), bytesPerSecond: null, etaSeconds: null }, error: null });
    }
    this.#downloads = next;
  }

  #models = $state.raw<StoredModel[]>([]);
  #usage = $state.raw<StorageUsage | null>(null);
  #adding = $state.raw<AddProgress | null>(null);
  #error = $state<string | null>(null);
  #descriptions = $state.raw<ReadonlyMap<string, GgufModelInfo>>(new Map());
  #controller: AbortController | null = null;

  /** False when the browser has no Origin Private File System (then files cannot be kept). */
  readonly available = modelStorageAvailable();

  get models(): StoredModel[] {
    return this.#models;
  }

  get usage(): StorageUsage | null {
    return this.#usage;
  }

  /** The copy in progress, if any. */
  get adding(): AddProgress | null {
    return this.#adding;
  }

  /** The last problem adding or removing a model, in user words. */
  get error(): string | null {
    return this.#error;
  }

  /** The header details of a stored model, once read. */
  description(id: string): GgufModelInfo | undefined {
    return this.#descriptions.get(id);
  }

  /** Reloads the list and the storage used. */
  async refresh(): Promise<void> {
    if (!this.available) return;
    try {
      this.#models = await listStoredModels();
      this.#usage = await storageUsage();
      await this.#loadPartials();
    } catch (err) {
      this.#error = errorText(err);
    }
  }

  /**
   * Checks the picked or dropped files' headers, then copies them into the browser. Returns the
   * stored model, or null when the files were refused, the copy failed (see `error`) or was cancelled.
   */
  async add(picked: readonly File[]): Promise<StoredModel | null> {
    if (this.#adding) return null;
    this.#error = null;
    const controller = new AbortController();
    this.#controller = controller;
    try {
      const { files, info } = await inspectModelFiles(picked);
      const totalBytes = files.reduce((sum, f) => sum + f.size, 0);
      this.#adding = { name: files[0]!.name, loadedBytes: 0, totalBytes };
      const stored = await storeModelFiles(files, {
        signal: controller.signal,
        onProgress: (loadedBytes) => (this.#adding = { name: files[0]!.name, loadedBytes, totalBytes }),
      });
      this.#descriptions = new Map(this.#descriptions).set(stored.id, info);
      await this.refresh();
      return stored;
    } catch (err) {
      if (!isAbortError(err)) this.#error = errorText(err);
      return null;
    } finally {
      this.#adding = null;
      this.#controller = null;
    }
  }

  /** Stops a copy in progress; nothing of it is kept. */
  cancelAdd(): void {
    this.#controller?.abort();
  }

  async remove(id: string): Promise<void> {
    this.#error = null;
    try {
      await removeStoredModel(id);
    } catch (err) {
      this.#error = errorText(err);
    }
    await this.refresh();
  }

  /** Reads a stored model's header (once) so Settings can describe it. */
  async describe(id: string): Promise<void> {
    if (this.#descriptions.has(id)) return;
    try {
      const info = await describeStoredModel(id);
      this.#descriptions = new Map(this.#descriptions).set(id, info);
    } catch (err) {
      this.#error = errorText(err);
    }
  }
}
