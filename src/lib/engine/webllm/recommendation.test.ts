import { describe, expect, it } from 'vitest';
import type { GpuProbe } from './capability';
import { runnableAlternative } from './recommendation';
import { DEFAULT_WEBLLM_SETTINGS } from './settings';

const probe = (shaderF16: boolean, deviceMemoryGB: number | null = 16): GpuProbe => ({
  api: true,
  deviceMemoryGB,
  failure: null,
  adapter: { vendor: 'v', architecture: 'a', device: '', description: '', isFallback: false, shaderF16, maxBufferSize: 2 ** 30, maxStorageBufferBindingSize: 2 ** 30 },
});

describe('runnableAlternative', () => {
  it('offers the q4f32 twin, with the same context window, when the GPU lacks shader-f16', () => {
    const settings = { ...DEFAULT_WEBLLM_SETTINGS, contextWindow: 16384 };
    expect(runnableAlternative(settings, probe(false))).toEqual({
      settings: { ...settings, catalogId: 'Qwen3-4B-q4f32_1-MLC' },
      label: 'Qwen3 4B (q4f32)',
    });
  });

  it('offers nothing when the chosen model runs, or when no catalog model does', () => {
    expect(runnableAlternative(DEFAULT_WEBLLM_SETTINGS, probe(true))).toBeNull();
    const noGpu: GpuProbe = { api: true, adapter: null, deviceMemoryGB: null, failure: null };
    expect(runnableAlternative(DEFAULT_WEBLLM_SETTINGS, noGpu)).toBeNull();
  });

  it('skips models that may not fit the device and offers the first that runs', () => {
    // 4 GB in all: the 4B and 1.7B q4f32 models may not fit at 8192 tokens; the 0.6B one runs.
    expect(runnableAlternative(DEFAULT_WEBLLM_SETTINGS, probe(false, 4))?.settings.catalogId).toBe('Qwen3-0.6B-q4f32_1-MLC');
  });

  it('offers nothing for settings that cannot be used', () => {
    expect(runnableAlternative({ ...DEFAULT_WEBLLM_SETTINGS, catalogId: 'Gone-Model' }, probe(false))).toBeNull();
  });
});
