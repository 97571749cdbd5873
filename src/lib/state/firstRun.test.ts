import { prebuiltAppConfig } from '@mlc-ai/web-llm';
import { describe, expect, it } from 'vitest';
import { DEFAULT_OPENAI_SETTINGS } from '../engine';
import { DEFAULT_WEBLLM_SETTINGS, PREBUILT_MODELS, resolveModel, type GpuProbe } from '../engine/webllm';
import { PREBUILT_WEIGHTS_HOST, downloadHost, firstRunChoice, needsDownloadConfirmation } from './firstRun';

const gpu = (over: Partial<NonNullable<GpuProbe['adapter']>> = {}, memoryGB: number | null = 8): GpuProbe => ({
  api: true,
  deviceMemoryGB: memoryGB,
  failure: null,
  adapter: { vendor: 'v', architecture: 'a', device: 'd', description: '', isFallback: false, shaderF16: true, maxBufferSize: 2 ** 31, maxStorageBufferBindingSize: 2 ** 31, ...over },
});

describe('firstRunChoice', () => {
  it('keeps the default where it runs, and before the probe answers', () => {
    expect(firstRunChoice(DEFAULT_WEBLLM_SETTINGS, gpu())).toEqual({ kind: 'keep' });
    expect(firstRunChoice(DEFAULT_WEBLLM_SETTINGS, null)).toEqual({ kind: 'keep' });
  });

  it('preselects a catalog model that runs when the default needs shader-f16 the GPU lacks', () => {
    const choice = firstRunChoice(DEFAULT_WEBLLM_SETTINGS, gpu({ shaderF16: false }));
    expect(choice.kind).toBe('preselect');
    if (choice.kind !== 'preselect') return;
    const model = resolveModel(choice.settings);
    expect(model.requiresShaderF16).toBe(false);
    expect(choice.settings.catalogId).not.toBe(DEFAULT_WEBLLM_SETTINGS.catalogId);
  });

  it('says plainly that none runs on a software adapter or without WebGPU', () => {
    expect(firstRunChoice(DEFAULT_WEBLLM_SETTINGS, gpu({ isFallback: true }))).toEqual({ kind: 'none', reason: 'software_gpu' });
    expect(firstRunChoice(DEFAULT_WEBLLM_SETTINGS, { api: false, adapter: null, deviceMemoryGB: null, failure: null })).toEqual({ kind: 'none', reason: 'no_webgpu' });
    expect(firstRunChoice(DEFAULT_WEBLLM_SETTINGS, gpu({ shaderF16: false, maxStorageBufferBindingSize: 1024, maxBufferSize: 1024 }, 0.25)).kind).toBe('none');
  });

  it('leaves a user’s own choice alone', () => {
    expect(firstRunChoice({ ...DEFAULT_WEBLLM_SETTINGS, contextWindow: DEFAULT_WEBLLM_SETTINGS.contextWindow * 2 }, gpu({ shaderF16: false }))).toEqual({ kind: 'keep' });
    expect(firstRunChoice(DEFAULT_OPENAI_SETTINGS, gpu({ shaderF16: false }))).toEqual({ kind: 'keep' });
  });
});

describe('download confirmation', () => {
  it('asks above 100 MB unless the model is already cached', () => {
    const model = resolveModel(DEFAULT_WEBLLM_SETTINGS);
    expect(model.downloadBytes).toBeGreaterThan(100e6);
    expect(needsDownloadConfirmation(model, undefined)).toBe(true);
    expect(needsDownloadConfirmation(model, { complete: false, bytes: 10 } as never)).toBe(true);
    expect(needsDownloadConfirmation(model, { complete: true, bytes: model.downloadBytes! } as never)).toBe(false);
    expect(needsDownloadConfirmation({ ...model, downloadBytes: 99e6 }, undefined)).toBe(false);
  });

  it('names the host web-llm really downloads each catalog model from', () => {
    for (const catalog of PREBUILT_MODELS) {
      const record = prebuiltAppConfig.model_list.find((r) => r.model_id === catalog.id);
      expect(record, catalog.id).toBeDefined();
      expect(new URL(record!.model).host).toBe(PREBUILT_WEIGHTS_HOST);
      expect(downloadHost(resolveModel({ ...DEFAULT_WEBLLM_SETTINGS, catalogId: catalog.id }))).toBe(PREBUILT_WEIGHTS_HOST);
    }
  });
});
