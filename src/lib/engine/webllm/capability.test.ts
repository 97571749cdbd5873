import { describe, expect, it } from 'vitest';
import { DEFAULT_WEBLLM_SETTINGS } from './settings';
import { adapterName, assessModel, probeGpu, type GpuAdapterLike, type GpuProbe } from './capability';
import { resolveModel } from './modelSpec';

/** An adapter like SwiftShader's in headless Chromium: f32 only, 1 GiB buffers, software. */
const swiftShader: GpuAdapterLike = {
  features: new Set(['timestamp-query', 'subgroups']),
  limits: { maxBufferSize: 1073741824, maxStorageBufferBindingSize: 1073741824 },
  info: { vendor: 'google', architecture: 'swiftshader', device: '', description: '', isFallbackAdapter: true },
};
const laptopGpu: GpuAdapterLike = {
  features: new Set(['shader-f16']),
  limits: { maxBufferSize: 4294967296, maxStorageBufferBindingSize: 2147483648 },
  info: { vendor: 'apple', architecture: 'metal-3', device: '', description: 'Apple M2' },
};

const probeWith = (adapter: GpuAdapterLike | null, deviceMemory?: number) =>
  probeGpu({ gpu: { requestAdapter: async () => adapter }, deviceMemory });
const model = (catalogId: string, contextWindow = 8192) => resolveModel({ ...DEFAULT_WEBLLM_SETTINGS, catalogId, contextWindow });

describe('probeGpu', () => {
  it('reports no API when navigator.gpu is missing', async () => {
    expect(await probeGpu({})).toEqual({ api: false, adapter: null, deviceMemoryGB: null, failure: null });
  });

  it('reports no adapter when WebGPU offers none, and a failing request', async () => {
    expect((await probeWith(null)).adapter).toBeNull();
    const failing = await probeGpu({ gpu: { requestAdapter: async () => Promise.reject(new Error('blocked')) } });
    expect(failing).toMatchObject({ api: true, adapter: null, failure: 'blocked' });
  });

  it('reads the adapter’s name, shader-f16, limits and device memory', async () => {
    const probe = await probeWith(swiftShader, 16);
    expect(probe.adapter).toMatchObject({ vendor: 'google', architecture: 'swiftshader', isFallback: true, shaderF16: false, maxBufferSize: 1073741824 });
    expect(probe.deviceMemoryGB).toBe(16);
    expect(adapterName(probe.adapter!)).toBe('google swiftshader (software, runs on the CPU)');
  });
});

describe('assessModel', () => {
  it('never offers a q4f16 model on an adapter without shader-f16, though web-llm’s record omits the requirement', async () => {
    const probe = await probeWith(swiftShader, 16);
    const fit = assessModel(model('Qwen3-4B-q4f16_1-MLC'), probe);
    expect(fit.verdict).toBe('cannot');
    expect(fit.reasons).toEqual([{ code: 'needs_shader_f16' }]);
  });

  it('marks the q4f32 twin as running on the same adapter, noting that software is slow', async () => {
    const fit = assessModel(model('Qwen3-4B-q4f32_1-MLC'), await probeWith(swiftShader, 16));
    expect(fit.verdict).toBe('runs');
    expect(fit.notes).toEqual([{ code: 'software_adapter' }]);
  });

  it('says a model may not fit when it needs more memory than the device reports', async () => {
    const fit = assessModel(model('Qwen3-8B-q4f16_1-MLC'), await probeWith(laptopGpu, 8));
    expect(fit.verdict).toBe('may_not_fit');
    expect(fit.reasons).toEqual([{ code: 'memory_over_device', neededBytes: expect.any(Number), deviceMemoryGB: 8 }]);
    expect(fit.reasons[0]).toMatchObject({ neededBytes: expect.toSatisfy((n: number) => n > 8 * 0.75 * 2 ** 30) });
    expect(assessModel(model('Qwen3-4B-q4f16_1-MLC'), await probeWith(laptopGpu, 8)).verdict).toBe('runs');
  });

  it('without a memory figure, judges against a typical laptop GPU', async () => {
    const probe = await probeWith(laptopGpu);
    expect(assessModel(model('Qwen3-1.7B-q4f16_1-MLC'), probe).verdict).toBe('runs');
    const big = assessModel(model('Qwen3-8B-q4f16_1-MLC'), probe);
    expect(big.verdict).toBe('may_not_fit');
    expect(big.reasons).toEqual([{ code: 'memory_unreported', neededBytes: expect.toSatisfy((n: number) => n > 4096 * 2 ** 20) }]);
  });

  it('a longer context can tip a model into "may not fit"', async () => {
    const probe = await probeWith(laptopGpu);
    expect(assessModel(model('Qwen3-4B-q4f16_1-MLC', 4096), probe).verdict).toBe('runs');
    expect(assessModel(model('Qwen3-4B-q4f16_1-MLC', 16384), probe).verdict).toBe('may_not_fit');
  });

  it('cannot run anything without WebGPU or an adapter', async () => {
    expect(assessModel(model('Qwen3-0.6B-q4f32_1-MLC'), await probeGpu({}))).toMatchObject({ verdict: 'cannot', reasons: [{ code: 'no_webgpu' }] });
    expect(assessModel(model('Qwen3-0.6B-q4f32_1-MLC'), await probeWith(null)).reasons).toEqual([{ code: 'no_adapter' }]);
  });

  it('a model whose buffers exceed the adapter’s limit cannot run', () => {
    const probe: GpuProbe = { api: true, deviceMemoryGB: 16, failure: null, adapter: { vendor: '', architecture: '', device: '', description: '', isFallback: false, shaderF16: true, maxBufferSize: 268435456, maxStorageBufferBindingSize: 134217728 } };
    expect(assessModel({ requiresShaderF16: false, vramMB: 1000, maxBufferBytes: 300_000_000 }, probe)).toEqual({
      verdict: 'cannot',
      reasons: [{ code: 'buffer_too_small', neededBytes: 300_000_000, allowedBytes: 134217728 }],
      notes: [],
    });
  });

  it('custom models of unknown size may not fit', async () => {
    const custom = resolveModel({ ...DEFAULT_WEBLLM_SETTINGS, catalogId: 'custom', customName: 'm', modelUrl: 'http://h/m', modelLibUrl: 'http://h/m.wasm', customShaderF16: false });
    expect(assessModel(custom, await probeWith(laptopGpu, 16))).toMatchObject({ verdict: 'may_not_fit', reasons: [{ code: 'memory_need_unknown' }] });
  });
});
