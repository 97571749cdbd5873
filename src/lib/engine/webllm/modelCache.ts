// What web-llm has stored in this browser (Cache API, scopes of web-llm 0.2.86), grouped by model,
// with sizes, and deleting a model. Runs on the page without web-llm: it reads the caches directly.

import { modelFilesBase, type ResolvedModel } from './modelSpec';

/** web-llm 0.2.86's Cache API scopes. */
export const WEBLLM_CACHES = { model: 'webllm/model', config: 'webllm/config', wasm: 'webllm/wasm' } as const;

/** The parts of CacheStorage used here (a fake in unit tests). */
export interface CacheStorageLike {
  has(name: string): Promise<boolean>;
  open(name: string): Promise<CacheLike>;
}
export interface CacheLike {
  keys(): Promise<readonly { url: string }[]>;
  match(url: string): Promise<Response | undefined>;
  delete(url: string): Promise<boolean>;
}

export interface CachedModel {
  /** The files' base URL (`…/resolve/main/`): the model's identity in the cache. */
  base: string;
  /** The repository name before `/resolve/` (web-llm's model_id for its prebuilt models). */
  name: string;
  bytes: number;
  files: number;
  /** Size of all weight shards per the model's manifest, when it is cached. */
  expectedWeightBytes: number | null;
  /** Every weight shard named by the manifest is present. */
  complete: boolean;
}

export interface CacheInventory {
  models: CachedModel[];
  /** Compiled model libraries (.wasm), shared between models of one architecture. */
  libraries: { urls: string[]; bytes: number };
}

/** The `…/resolve/<revision>/` prefix of a model file URL, or null for other URLs. */
export function modelBaseOf(url: string): string | null {
  const match = /^(.*?\/resolve\/[^/]+\/)/.exec(url);
  return match ? match[1]! : null;
}

function repoName(base: string): string {
  const parts = base.replace(/\/resolve\/[^/]+\/$/, '').split('/');
  return decodeURIComponent(parts[parts.length - 1] ?? base);
}

async function responseSize(response: Response | undefined): Promise<number> {
  if (!response) return 0;
  const header = Number(response.headers.get('content-length'));
  if (Number.isFinite(header) && header > 0) return header;
  return (await response.blob()).size;
}

async function openIfPresent(storage: CacheStorageLike, name: string): Promise<CacheLike | null> {
  return (await storage.has(name)) ? storage.open(name) : null;
}

/** Lists the models and libraries web-llm has cached, with their sizes. */
export async function readCacheInventory(storage: CacheStorageLike): Promise<CacheInventory> {
  const groups = new Map<string, { urls: string[]; bytes: number; cache: CacheLike }[]>();
  for (const scope of [WEBLLM_CACHES.model, WEBLLM_CACHES.config]) {
    const cache = await openIfPresent(storage, scope);
    if (!cache) continue;
    const byBase = new Map<string, string[]>();
    for (const request of await cache.keys()) {
      const base = modelBaseOf(request.url);
      if (base) byBase.set(base, [...(byBase.get(base) ?? []), request.url]);
    }
    for (const [base, urls] of byBase) {
      let bytes = 0;
      for (const url of urls) bytes += await responseSize(await cache.match(url));
      groups.set(base, [...(groups.get(base) ?? []), { urls, bytes, cache }]);
    }
  }
  const models: CachedModel[] = [];
  for (const [base, parts] of groups) {
    const urls = parts.flatMap((p) => p.urls);
    let expectedWeightBytes: number | null = null;
    let complete = false;
    const manifestUrl = `${base}tensor-cache.json`;
    const manifestPart = parts.find((p) => p.urls.includes(manifestUrl));
    if (manifestPart) {
      try {
        const manifest = (await (await manifestPart.cache.match(manifestUrl))?.json()) as { records?: { dataPath: string; nbytes: number }[] };
        const records = manifest.records ?? [];
        expectedWeightBytes = records.reduce((sum, r) => sum + r.nbytes, 0);
        complete = records.length > 0 && records.every((r) => urls.includes(new URL(r.dataPath, base).href));
      } catch {
        // An unreadable manifest: report the model as incomplete.
      }
    }
    models.push({ base, name: repoName(base), bytes: parts.reduce((s, p) => s + p.bytes, 0), files: urls.length, expectedWeightBytes, complete });
  }
  models.sort((a, b) => b.bytes - a.bytes);

  const libraries = { urls: [] as string[], bytes: 0 };
  const wasm = await openIfPresent(storage, WEBLLM_CACHES.wasm);
  if (wasm) {
    for (const request of await wasm.keys()) {
      libraries.urls.push(request.url);
      libraries.bytes += await responseSize(await wasm.match(request.url));
    }
  }
  return { models, libraries };
}

/** Deletes every cached file of the model whose files live under `base` (weights, tokenizer, config). */
export async function deleteCachedModel(storage: CacheStorageLike, base: string): Promise<void> {
  for (const scope of [WEBLLM_CACHES.model, WEBLLM_CACHES.config]) {
    const cache = await openIfPresent(storage, scope);
    if (!cache) continue;
    for (const request of await cache.keys()) {
      if (request.url.startsWith(base)) await cache.delete(request.url);
    }
  }
}

/** Deletes the cached model libraries (they download again, a few MB each, when a model loads). */
export async function deleteCachedLibraries(storage: CacheStorageLike): Promise<void> {
  const cache = await openIfPresent(storage, WEBLLM_CACHES.wasm);
  if (!cache) return;
  for (const request of await cache.keys()) await cache.delete(request.url);
}

/** The cached entry for a model: by its weights URL when known, else by web-llm's model id. */
export function findCachedModel(inventory: CacheInventory, model: Pick<ResolvedModel, 'id' | 'modelUrl'>): CachedModel | undefined {
  if (model.modelUrl) {
    const base = modelFilesBase(model.modelUrl);
    return inventory.models.find((m) => m.base === base);
  }
  return inventory.models.find((m) => m.name === model.id);
}
