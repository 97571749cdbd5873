import { describe, expect, it } from 'vitest';
import { DEFAULT_WEBLLM_SETTINGS } from './settings';
import { deleteCachedLibraries, deleteCachedModel, findCachedModel, modelBaseOf, readCacheInventory, type CacheLike, type CacheStorageLike } from './modelCache';
import { resolveModel } from './modelSpec';

/** An in-memory Cache API with real Response objects. */
class MemoryCaches implements CacheStorageLike {
  readonly stores = new Map<string, Map<string, { body: string; length?: number }>>();
  put(scope: string, url: string, body: string, length?: number): void {
    if (!this.stores.has(scope)) this.stores.set(scope, new Map());
    this.stores.get(scope)!.set(url, { body, length });
  }
  async has(name: string) {
    return this.stores.has(name);
  }
  async open(name: string): Promise<CacheLike> {
    if (!this.stores.has(name)) this.stores.set(name, new Map());
    const store = this.stores.get(name)!;
    return {
      keys: async () => [...store.keys()].map((url) => ({ url })),
      match: async (url) => {
        const entry = store.get(url);
        if (!entry) return undefined;
        return new Response(entry.body, { headers: entry.length !== undefined ? { 'content-length': String(entry.length) } : {} });
      },
      delete: async (url) => store.delete(url),
    };
  }
}

const HF = 'https://models.example/mlc-ai/Qwen3-4B-q4f32_1-MLC/resolve/main/';
const SELF = 'http://127.0.0.1:5173/models/ClinAlign-4B/resolve/main/';

function fixture(): MemoryCaches {
  const c = new MemoryCaches();
  c.put('webllm/config', `${HF}mlc-chat-config.json`, '{}', 2_000);
  c.put('webllm/model', `${HF}tensor-cache.json`, JSON.stringify({ records: [{ dataPath: 'params_shard_0.bin', nbytes: 1000 }, { dataPath: 'params_shard_1.bin', nbytes: 3000 }] }));
  c.put('webllm/model', `${HF}params_shard_0.bin`, 'x', 1_000_000_000);
  c.put('webllm/model', `${HF}params_shard_1.bin`, 'x', 1_200_000_000);
  c.put('webllm/model', `${HF}tokenizer.json`, 'tok', 11_000_000);
  c.put('webllm/model', `${SELF}tensor-cache.json`, JSON.stringify({ records: [{ dataPath: 'params_shard_0.bin', nbytes: 5 }, { dataPath: 'params_shard_1.bin', nbytes: 5 }] }));
  c.put('webllm/model', `${SELF}params_shard_0.bin`, 'abcde');
  c.put('webllm/wasm', 'https://libs.example/Qwen3-4B-q4f32_1_cs1k-webgpu.wasm', 'wasm', 7_000_000);
  return c;
}

describe('model cache inventory', () => {
  it('groups files by model, sums their sizes and tells complete from partial downloads', async () => {
    const inventory = await readCacheInventory(fixture());
    expect(inventory.models.map((m) => [m.name, m.files, m.complete])).toEqual([
      ['Qwen3-4B-q4f32_1-MLC', 5, true],
      ['ClinAlign-4B', 2, false],
    ]);
    expect(inventory.models[0]!.bytes).toBe(2_000 + 1_000_000_000 + 1_200_000_000 + 11_000_000 + JSON.stringify({ records: [{ dataPath: 'params_shard_0.bin', nbytes: 1000 }, { dataPath: 'params_shard_1.bin', nbytes: 3000 }] }).length);
    expect(inventory.models[1]).toMatchObject({ expectedWeightBytes: 10, complete: false });
    expect(inventory.libraries).toEqual({ urls: ['https://libs.example/Qwen3-4B-q4f32_1_cs1k-webgpu.wasm'], bytes: 7_000_000 });
  });

  it('finds a catalog model by name and a self-hosted one by its URL', async () => {
    const inventory = await readCacheInventory(fixture());
    const prebuilt = resolveModel({ ...DEFAULT_WEBLLM_SETTINGS, catalogId: 'Qwen3-4B-q4f32_1-MLC' });
    expect(findCachedModel(inventory, prebuilt)?.base).toBe(HF);
    const recipe = resolveModel({ ...DEFAULT_WEBLLM_SETTINGS, catalogId: 'ClinAlign-4B-q4f32_1', modelUrl: 'http://127.0.0.1:5173/models/ClinAlign-4B' });
    expect(findCachedModel(inventory, recipe)?.base).toBe(SELF);
    expect(findCachedModel(inventory, resolveModel({ ...DEFAULT_WEBLLM_SETTINGS, catalogId: 'Qwen3-8B-q4f32_1-MLC' }))).toBeUndefined();
  });

  it('deleting a model removes its weights, tokenizer and config, and nothing else', async () => {
    const caches = fixture();
    await deleteCachedModel(caches, HF);
    const inventory = await readCacheInventory(caches);
    expect(inventory.models.map((m) => m.name)).toEqual(['ClinAlign-4B']);
    expect(inventory.libraries.urls).toHaveLength(1);
    await deleteCachedLibraries(caches);
    expect((await readCacheInventory(caches)).libraries.urls).toEqual([]);
  });

  it('reads the model base the way web-llm builds it', () => {
    expect(modelBaseOf(`${HF}params_shard_3.bin`)).toBe(HF);
    expect(modelBaseOf('https://x/no-revision/file.bin')).toBeNull();
  });
});
