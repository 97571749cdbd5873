// The WebGPU offload decision: which adapters llama.cpp's WebGPU backend gets the layers on, what
// the probe reads from an adapter, and where the model ran after a load according to llama.cpp's log.

import { describe, expect, it } from 'vitest';
import { offloadDecision, placementAfterLoad, placementLabel, probeWebGpu, weightsOnGpu, type GpuProbe } from './gpuProbe';

const GOOD: GpuProbe = { isFallback: false, shaderF16: true, maxBufferSize: 2 ** 31, maxStorageBufferBindingSize: 2 ** 30, description: 'nvidia ampere' };
const found = (probe: Partial<GpuProbe>) => ({ probe: { ...GOOD, ...probe }, reason: null });

function adapter(features: string[], info: Record<string, unknown> = {}, limits: Record<string, number> = {}) {
  return { features: new Set(features), info, limits };
}

describe('probeWebGpu', () => {
  it('reads shader-f16, the software flag, the buffer limits and the name', async () => {
    const gpu = { requestAdapter: async () => adapter(['shader-f16'], { vendor: 'apple', architecture: 'metal-3', isFallbackAdapter: false }, { maxBufferSize: 4e9, maxStorageBufferBindingSize: 2e9 }) };
    expect(await probeWebGpu(gpu)).toEqual({
      probe: { isFallback: false, shaderF16: true, maxBufferSize: 4e9, maxStorageBufferBindingSize: 2e9, description: 'apple metal-3' },
      reason: null,
    });
  });

  it('says why there is no adapter: no WebGPU at all, none offered, or the request threw', async () => {
    expect(await probeWebGpu(null)).toEqual({ probe: null, reason: 'no_webgpu' });
    expect(await probeWebGpu({ requestAdapter: async () => null })).toEqual({ probe: null, reason: 'no_adapter' });
    expect(await probeWebGpu({ requestAdapter: () => Promise.reject(new Error('blocked')) })).toEqual({ probe: null, reason: 'no_adapter' });
  });

  it('reads the older isFallbackAdapter on the adapter itself', async () => {
    const old = { features: new Set<string>(), isFallbackAdapter: true };
    expect((await probeWebGpu({ requestAdapter: async () => old })).probe?.isFallback).toBe(true);
  });
});

describe('offloadDecision', () => {
  it('offloads only to a hardware adapter with shader-f16, and only when the setting allows it', () => {
    expect(offloadDecision(true, found({}))).toEqual({ offload: true, reason: 'gpu' });
    expect(offloadDecision(false, found({}))).toEqual({ offload: false, reason: 'setting_off' });
    expect(offloadDecision(true, found({ shaderF16: false }))).toEqual({ offload: false, reason: 'no_shader_f16' });
    // SwiftShader under --enable-unsafe-webgpu: a software adapter (and no shader-f16 either).
    expect(offloadDecision(true, found({ isFallback: true, shaderF16: false }))).toEqual({ offload: false, reason: 'software_adapter' });
    expect(offloadDecision(true, { probe: null, reason: 'no_webgpu' })).toEqual({ offload: false, reason: 'no_webgpu' });
    expect(offloadDecision(true, { probe: null, reason: 'no_adapter' })).toEqual({ offload: false, reason: 'no_adapter' });
  });
});

describe('where the model ran', () => {
  const cpuLog = ['load_tensors:   CPU_Mapped model buffer size =     1.61 MiB'];
  const gpuLog = ['load_tensors:   CPU_Mapped model buffer size =    50.00 MiB', 'load_tensors:       WebGPU model buffer size =  1200.00 MiB'];

  it('reads the buffers llama.cpp filled', () => {
    expect(weightsOnGpu(cpuLog)).toBe(false);
    expect(weightsOnGpu(gpuLog)).toBe(true);
    expect(weightsOnGpu([])).toBe(false);
  });

  it('reports the GPU, the CPU with the reason, or a refused offload', () => {
    expect(placementAfterLoad({ offload: true, reason: 'gpu' }, true, 4)).toEqual({ where: 'gpu', threads: 4, reason: 'gpu' });
    expect(placementAfterLoad({ offload: false, reason: 'no_shader_f16' }, false, 2)).toEqual({ where: 'cpu', threads: 2, reason: 'no_shader_f16' });
    expect(placementAfterLoad({ offload: true, reason: 'gpu' }, false, 2)).toEqual({ where: 'cpu', threads: 2, reason: 'not_taken' });
  });

  it('labels it for the run record', () => {
    expect(placementLabel({ where: 'gpu', threads: 4, reason: 'gpu' })).toBe('WebGPU');
    expect(placementLabel({ where: 'cpu', threads: 2, reason: 'setting_off' })).toBe('CPU, 2 threads');
    expect(placementLabel({ where: 'cpu', threads: 1, reason: 'no_adapter' })).toBe('CPU, 1 thread');
  });
});
