// What the app keeps outside its database — web-llm's model caches, GGUF files in the Origin Private
// File System, the service worker's offline copy — measured and deleted through the engines' public faces.

import { throwIfAborted } from '../core/errors';
import { readCacheInventory, storageEstimate } from '../engine/webllm';
import { listStoredModels, modelStorageAvailable, removeStoredModel, storageUsage } from '../engine/gguf';

export interface SizedGroup {
  items: number;
  bytes: number;
}

export interface BrowserDataSizes {
  webllmModels: SizedGroup;
  webllmLibraries: SizedGroup;
  ggufModels: SizedGroup;
  /** The service worker's caches (the app's own files, for offline use). */
  appFiles: SizedGroup;
  /** The browser's estimate for the whole site; null when it gives none. */
  estimate: { usage: number; quota: number } | null;
}

const none = (): SizedGroup => ({ items: 0, bytes: 0 });

async function responseBytes(response: Response | undefined): Promise<number> {
  if (!response) return 0;
  const header = Number(response.headers.get('content-length'));
  return Number.isFinite(header) && header > 0 ? header : (await response.blob()).size;
}

/** The caches that are neither web-llm's: the service worker's copies of the app. */
async function appCacheNames(): Promise<string[]> {
  if (typeof caches === 'undefined') return [];
  // web-llm's scopes are all "webllm/…" (engine/webllm/modelCache.ts); they are measured by readCacheInventory.
  return (await caches.keys()).filter((name) => !name.startsWith('webllm/'));
}

/** Sizes of everything stored outside the database. Each part that cannot be read counts as empty. */
export async function measureBrowserData(signal?: AbortSignal): Promise<BrowserDataSizes> {
  const sizes: BrowserDataSizes = { webllmModels: none(), webllmLibraries: none(), ggufModels: none(), appFiles: none(), estimate: null };
  if (typeof caches !== 'undefined') {
    const inventory = await readCacheInventory(caches).catch(() => null);
    if (inventory) {
      sizes.webllmModels = { items: inventory.models.length, bytes: inventory.models.reduce((s, m) => s + m.bytes, 0) };
      sizes.webllmLibraries = { items: inventory.libraries.urls.length, bytes: inventory.libraries.bytes };
    }
    throwIfAborted(signal);
    for (const name of await appCacheNames()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        sizes.appFiles.items += 1;
        sizes.appFiles.bytes += await responseBytes(await cache.match(request));
      }
    }
  }
  throwIfAborted(signal);
  if (modelStorageAvailable()) {
    const [models, usage] = await Promise.all([listStoredModels().catch(() => []), storageUsage().catch(() => null)]);
    sizes.ggufModels = { items: models.length, bytes: usage?.modelBytes ?? models.reduce((s, m) => s + m.totalBytes, 0) };
  }
  sizes.estimate = await storageEstimate().catch(() => null);
  return sizes;
}

/** Deletes every cache of this site (web-llm's models and libraries, the offline copy) and every stored GGUF model. */
export async function deleteBrowserData(): Promise<void> {
  if (typeof caches !== 'undefined') {
    for (const name of await caches.keys()) await caches.delete(name);
  }
  if (modelStorageAvailable()) {
    for (const model of await listStoredModels()) await removeStoredModel(model.id);
  }
}

/** Offers `parts` to the user as one downloaded file. A Blob of parts lets the browser keep it off the JS heap. */
export function downloadFile(parts: BlobPart[], fileName: string, type: string): number {
  const blob = new Blob(parts, { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  // The download has its own reference to the blob by now; release ours soon after.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return blob.size;
}
