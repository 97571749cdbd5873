// Settings → Data as reactive state: what is stored by kind and how much, export, deleting runs or
// everything, and asking the browser to keep the data (persistent storage).

import { errorText } from '../i18n/errors';
import type { DataRepository, StoreSize } from '../db/dataRepository';
import { deleteBrowserData, downloadFile, measureBrowserData, type BrowserDataSizes } from '../services/browserData';

export type DataTask = 'measuring' | 'exporting' | 'deleting-runs' | 'deleting-all';

export class DataState {
  #stores = $state.raw<StoreSize[] | null>(null);
  #browser = $state.raw<BrowserDataSizes | null>(null);
  #persisted = $state<boolean | null>(null);
  #task = $state<DataTask | null>(null);
  #problem = $state<string | null>(null);
  #blocked = $state(false);
  /** The browser's answer to the user's own request for persistent storage (null until asked). */
  #persistAnswer = $state<boolean | null>(null);

  constructor(private readonly repository: DataRepository) {}

  /** Records and estimated size of every database store; null until measured. */
  get stores(): StoreSize[] | null {
    return this.#stores;
  }

  /** Models, caches and the browser's estimate; null until measured. */
  get browser(): BrowserDataSizes | null {
    return this.#browser;
  }

  /** Whether the browser keeps the data under storage pressure; null when unknown or unsupported. */
  get persisted(): boolean | null {
    return this.#persisted;
  }

  /** What the browser answered when the user asked for persistent storage; null until asked. */
  get persistAnswer(): boolean | null {
    return this.#persistAnswer;
  }

  get task(): DataTask | null {
    return this.#task;
  }

  /** The last failure, in the user's language. */
  get problem(): string | null {
    return this.#problem;
  }

  /** Deleting everything waits for another tab to let go of the database. */
  get blocked(): boolean {
    return this.#blocked;
  }

  /** The number of stored runs, once measured. */
  get runCount(): number {
    return this.#stores?.find((s) => s.store === 'runs')?.records ?? 0;
  }

  /** Measures the database, the models and caches, and reads the persistence state. */
  async refresh(signal?: AbortSignal): Promise<void> {
    await this.#do('measuring', async () => {
      const [stores, browser, persisted] = await Promise.all([
        this.repository.measure(signal),
        measureBrowserData(signal),
        typeof navigator !== 'undefined' && navigator.storage?.persisted ? navigator.storage.persisted() : Promise.resolve(null),
      ]);
      this.#stores = stores;
      this.#browser = browser;
      this.#persisted = persisted;
    });
  }

  /** Writes every stored record to one JSON Lines file; returns its size in bytes (0 on failure). */
  async exportAll(signal?: AbortSignal): Promise<number> {
    let bytes = 0;
    await this.#do('exporting', async () => {
      const parts: string[] = [];
      for await (const chunk of this.repository.exportLines(signal)) parts.push(chunk);
      bytes = downloadFile(parts, `clinrevise-export-${new Date().toISOString().slice(0, 10)}.jsonl`, 'application/x-ndjson');
    });
    return bytes;
  }

  /** Deletes every run; returns whether it worked. */
  async deleteAllRuns(): Promise<boolean> {
    const ok = await this.#do('deleting-runs', () => this.repository.deleteAllRuns());
    if (ok) await this.refresh();
    return ok;
  }

  /** Deletes the database, every cache and every stored model; the caller reloads the app afterwards. */
  async deleteEverything(): Promise<boolean> {
    return this.#do('deleting-all', async () => {
      await deleteBrowserData();
      await this.repository.deleteDatabase(() => (this.#blocked = true));
      this.#blocked = false;
    });
  }

  /** Asks the browser to keep this site's data when space runs low. */
  async requestPersistence(): Promise<boolean | null> {
    if (typeof navigator === 'undefined' || !navigator.storage?.persist) {
      this.#persisted = null;
      return null;
    }
    try {
      this.#persisted = await navigator.storage.persist();
      this.#persistAnswer = this.#persisted;
    } catch (err) {
      this.#problem = errorText(err);
    }
    return this.#persisted;
  }

  async #do(task: DataTask, action: () => Promise<void>): Promise<boolean> {
    this.#task = task;
    this.#problem = null;
    try {
      await action();
      return true;
    } catch (err) {
      this.#problem = errorText(err);
      return false;
    } finally {
      if (this.#task === task) this.#task = null;
    }
  }
}
