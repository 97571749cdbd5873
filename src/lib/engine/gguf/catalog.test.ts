import { describe, expect, it } from 'vitest';
import { architectureProblem } from './architectures';
import { GGUF_CATALOG, MAX_FILE_BYTES, catalogEntryBytes, catalogEntryMemoryBytes, catalogEntryProblems, type CatalogEntry } from './catalog';
import { recommendCatalogEntry, threadsFor, webGpuUsable, type DeviceFacts } from './catalogRecommend';

const byId = (id: string): CatalogEntry => {
  const entry = GGUF_CATALOG.find((e) => e.id === id);
  if (!entry) throw new Error(`no catalog entry ${id}`);
  return entry;
};

/** A device with the given facts and otherwise generous ones. */
const device = (facts: Partial<DeviceFacts> = {}): DeviceFacts => ({
  deviceMemoryGB: 8,
  storage: { quotaBytes: 100e9, usageBytes: 0 },
  logicalCores: 8,
  crossOriginIsolated: true,
  webgpu: null,
  ...facts,
});

describe('the GGUF catalog as data', () => {
  it('has unique ids, Hugging Face download URLs that end in the file name, and honest integrity records', () => {
    expect(new Set(GGUF_CATALOG.map((e) => e.id)).size).toBe(GGUF_CATALOG.length);
    for (const entry of GGUF_CATALOG) {
      expect(entry.files.length).toBeGreaterThan(0);
      for (const file of entry.files) {
        expect(file.url).toMatch(/^https:\/\/huggingface\.co\/[\w.-]+\/[\w.-]+\/resolve\/main\//);
        expect(file.url.endsWith(`/${file.fileName}`)).toBe(true);
        expect(file.fileName).toMatch(/\.gguf$/);
        expect(file.bytes).toBeGreaterThan(1e8);
        if (file.sha256 !== null) expect(file.sha256).toMatch(/^[0-9a-f]{64}$/);
      }
      // "pinned" only when every file has a hash; otherwise the first download records it.
      expect(entry.integrity).toBe(entry.files.every((f) => f.sha256 !== null) ? 'pinned' : 'recorded_on_first_download');
      expect(entry.licence.spdx).toBeTruthy();
      expect(entry.homepage).toMatch(/^https:\/\//);
    }
  });

  it('names architectures the llama.cpp in this app can chat with, and consistent parameter counts', () => {
    for (const entry of GGUF_CATALOG) {
      expect(architectureProblem(entry.architecture)).toBeNull();
      if (entry.mixture) {
        expect(entry.mixture.expertsUsed).toBeLessThan(entry.mixture.experts);
        expect(entry.activeParameters).toBeLessThan(entry.totalParameters);
      } else {
        expect(entry.activeParameters).toBe(entry.totalParameters);
      }
    }
  });

  it('lists at least two mixture-of-experts models that run in a tab as listed, and the small dense Qwen3 models', () => {
    const runnableMoe = GGUF_CATALOG.filter((e) => e.mixture && catalogEntryProblems(e).length === 0);
    expect(runnableMoe.map((e) => e.architecture)).toEqual(['granitemoe', 'granitemoe']);
    expect(GGUF_CATALOG.filter((e) => e.mixture).map((e) => e.architecture)).toEqual(expect.arrayContaining(['granitemoe', 'olmoe', 'smallthinker']));
    expect(GGUF_CATALOG.filter((e) => e.architecture === 'qwen3').map((e) => e.name)).toEqual(['Qwen3 0.6B', 'Qwen3 1.7B', 'Qwen3 4B']);
    // MoE entries come first.
    const firstDense = GGUF_CATALOG.findIndex((e) => !e.mixture);
    expect(GGUF_CATALOG.slice(firstDense).every((e) => !e.mixture)).toBe(true);
  });

  it('says which entries cannot run in a tab as listed, and why', () => {
    expect(catalogEntryProblems(byId('granite-3.1-1b-a400m-instruct-q4_k_m'))).toEqual([]);
    expect(catalogEntryProblems(byId('qwen3-1.7b-q8_0'))).toEqual([]);
    const olmoe = catalogEntryProblems(byId('olmoe-1b-7b-0125-instruct-q4_k_m'));
    expect(olmoe).toEqual([expect.stringMatching(/larger than the 2 GiB/), expect.stringMatching(/more memory than the 4 GiB/)]);
    expect(catalogEntryProblems(byId('qwen3-4b-q4_k_m'))).toEqual([expect.stringMatching(/Qwen3-4B-Q4_K_M\.gguf is larger than the 2 GiB .*split it into parts first/)]);
    expect(catalogEntryProblems(byId('smallthinker-4b-a0.6b-instruct-q4_0'))).toHaveLength(1);
    // A file of exactly the limit is fine; one byte more is not.
    const edge = byId('qwen3-0.6b-q8_0');
    const withSize = (bytes: number): CatalogEntry => ({ ...edge, files: [{ ...edge.files[0]!, bytes }] });
    expect(catalogEntryProblems(withSize(MAX_FILE_BYTES))).toEqual([]);
    expect(catalogEntryProblems(withSize(MAX_FILE_BYTES + 1))).toHaveLength(1);
  });

  it('estimates memory as the files plus an f16 KV cache at the planned context plus work buffers', () => {
    const granite = byId('granite-3.1-1b-a400m-instruct-q4_k_m');
    const kv = 24 * 8192 * 8 * 64 * 2 * 2;
    expect(catalogEntryMemoryBytes(granite)).toBe(catalogEntryBytes(granite) + kv + 256 * 2 ** 20);
    // The cache never grows past the trained context.
    const olmoe = byId('olmoe-1b-7b-0125-instruct-q4_k_m');
    expect(catalogEntryMemoryBytes(olmoe, 32768)).toBe(catalogEntryMemoryBytes(olmoe, 4096));
  });
});

describe('recommendCatalogEntry', () => {
  it('threads and WebGPU as wllama would use them', () => {
    expect(threadsFor({ logicalCores: 16, crossOriginIsolated: true })).toBe(8);
    expect(threadsFor({ logicalCores: 4, crossOriginIsolated: true })).toBe(3);
    expect(threadsFor({ logicalCores: 2, crossOriginIsolated: true })).toBe(2);
    expect(threadsFor({ logicalCores: 16, crossOriginIsolated: false })).toBe(1);
    expect(webGpuUsable({ webgpu: { isFallback: false, shaderF16: true } })).toBe(true);
    expect(webGpuUsable({ webgpu: { isFallback: true, shaderF16: true } })).toBe(false); // SwiftShader
    expect(webGpuUsable({ webgpu: { isFallback: false, shaderF16: false } })).toBe(false);
    expect(webGpuUsable({ webgpu: null })).toBe(false);
  });

  it('offers the larger MoE on a well-equipped device, and names why the others were not chosen', () => {
    const r = recommendCatalogEntry(device());
    expect(r.entry?.id).toBe('granite-3.1-3b-a800m-instruct-q4_k_m');
    expect(r).toMatchObject({ runsOn: 'cpu', threads: 7 });
    expect(r.reasons).toEqual([{ code: 'chosen_mixture', name: r.entry?.name, totalParameters: r.entry?.totalParameters, activeParameters: 800e6, runsOn: 'cpu', threads: 7 }]);
    const reasons = Object.fromEntries(r.rejected.map((x) => [x.id, x.reason]));
    expect(Object.keys(reasons).sort()).toEqual(GGUF_CATALOG.map((e) => e.id).filter((id) => id !== r.entry?.id).sort());
    expect(reasons['olmoe-1b-7b-0125-instruct-q4_k_m']).toMatch(/2 GiB/);
    expect(reasons['granite-3.1-1b-a400m-instruct-q4_k_m']).toMatch(/preferred/);
  });

  it('uses WebGPU when it works, and still prefers the MoE over a dense model of fewer parameters', () => {
    const r = recommendCatalogEntry(device({ webgpu: { isFallback: false, shaderF16: true } }));
    expect(r).toMatchObject({ runsOn: 'webgpu', entry: { id: 'granite-3.1-3b-a800m-instruct-q4_k_m' } });
    expect(r.reasons[0]).toMatchObject({ code: 'chosen_mixture', runsOn: 'webgpu' });
    // Mixture of experts first, even against a dense model with more parameters.
    const pair = [byId('qwen3-1.7b-q8_0'), byId('granite-3.1-1b-a400m-instruct-q4_k_m')];
    expect(recommendCatalogEntry(device({ webgpu: { isFallback: false, shaderF16: true } }), pair).entry?.id).toBe('granite-3.1-1b-a400m-instruct-q4_k_m');
    // SwiftShader is WebGPU on the CPU: no offload.
    expect(recommendCatalogEntry(device({ webgpu: { isFallback: true, shaderF16: false } })).runsOn).toBe('cpu');
  });

  it('on a 4 GB device without cross-origin isolation, offers the small MoE (the 3B does not fit, dense Qwen3 0.6B is slower per token)', () => {
    const r = recommendCatalogEntry(device({ deviceMemoryGB: 4, crossOriginIsolated: false }));
    expect(r).toMatchObject({ threads: 1, entry: { id: 'granite-3.1-1b-a400m-instruct-q4_k_m' } });
    const reasons = Object.fromEntries(r.rejected.map((x) => [x.id, x.reason]));
    expect(reasons['granite-3.1-3b-a800m-instruct-q4_k_m']).toMatch(/this device reports 4 GB, so a tab should use at most 2 GB/);
    expect(reasons['qwen3-0.6b-q8_0']).toMatch(/600 M parameters work per token: too slow on 1 CPU thread/);
  });

  it('assumes a modest device when the browser does not report its memory', () => {
    const r = recommendCatalogEntry(device({ deviceMemoryGB: null }));
    expect(r.entry?.id).toBe('granite-3.1-1b-a400m-instruct-q4_k_m');
    expect(r.rejected.find((x) => x.id === 'granite-3.1-3b-a800m-instruct-q4_k_m')?.reason).toMatch(/does not report its memory/);
  });

  it('checks the download against the storage left before offering it', () => {
    const r = recommendCatalogEntry(device({ storage: { quotaBytes: 3e9, usageBytes: 2.2e9 } }));
    expect(r.entry?.id).toBe('qwen3-0.6b-q8_0');
    expect(r.rejected.find((x) => x.id === 'granite-3.1-1b-a400m-instruct-q4_k_m')?.reason).toMatch(/does not fit the 800 MB of browser storage left/);
    const full = recommendCatalogEntry(device({ storage: { quotaBytes: 1e9, usageBytes: 1e9 } }));
    expect(full.entry).toBeNull();
    expect(full.reasons).toEqual([{ code: 'none_fits' }]);
  });

  it('offers the lightest model with a warning when none is fast enough, and nothing when none fits', () => {
    const dense = GGUF_CATALOG.filter((e) => e.architecture === 'qwen3');
    const slow = recommendCatalogEntry(device({ crossOriginIsolated: false }), dense);
    expect(slow.entry?.id).toBe('qwen3-0.6b-q8_0');
    expect(slow.reasons).toEqual([{ code: 'lightest_slow', name: slow.entry?.name, runsOn: 'cpu', threads: 1 }]);
    const tiny = recommendCatalogEntry(device({ deviceMemoryGB: 1 }));
    expect(tiny.entry).toBeNull();
    expect(tiny.rejected).toHaveLength(GGUF_CATALOG.length);
  });
});
