// The GGUF models stored in this browser, as reactive state for Settings: the list and storage used,
// adding files (header checked first, then copied with progress and Cancel), removing, describing.

import { isAbortError } from '../core/errors';
import { errorText } from '../i18n/errors';
import {
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
} from '../engine/gguf';

export interface AddProgress {
  name: string;
  loadedBytes: number;
  totalBytes: number;
}

export class GgufLibrary {
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
