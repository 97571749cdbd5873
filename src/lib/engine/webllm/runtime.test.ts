import { describe, expect, it } from 'vitest';
import { appConfigFor, watchDeviceLoss } from './runtime';

/** A fake WebGPU whose device is lost when the test says, with the reason it says. */
function fakeGpu() {
  let loseDevice: (reason: GPUDeviceLostReason) => void = () => undefined;
  const device = { lost: new Promise<GPUDeviceLostInfo>((resolve) => (loseDevice = (reason) => resolve({ reason, message: '' } as GPUDeviceLostInfo))) };
  const adapter = { requestDevice: async () => device };
  const gpu = { requestAdapter: async () => adapter } as unknown as GPU;
  return { gpu, lose: (reason: GPUDeviceLostReason) => loseDevice(reason) };
}

describe('watchDeviceLoss', () => {
  it('reports a device lost for any reason but a deliberate destroy', async () => {
    for (const [reason, reported] of [['unknown', true], ['destroyed', false]] as const) {
      const { gpu, lose } = fakeGpu();
      let lost = 0;
      watchDeviceLoss(gpu, () => (lost += 1));
      const adapter = await gpu.requestAdapter();
      await adapter!.requestDevice();
      lose(reason);
      await new Promise((r) => setTimeout(r, 0));
      expect(lost).toBe(reported ? 1 : 0);
    }
  });
});

describe('appConfigFor', () => {
  it('builds a prebuilt model’s record from web-llm’s own list, with our context window and shader-f16 declared', () => {
    const record = appConfigFor({ modelId: 'Qwen3-4B-q4f16_1-MLC', prebuiltId: 'Qwen3-4B-q4f16_1-MLC', contextWindow: 8192, thinking: true, requiresShaderF16: true }).model_list[0]!;
    expect(record.model).toMatch(/\/Qwen3-4B-q4f16_1-MLC$/);
    expect(record.model_lib).toMatch(/v0_2_86\/base\/Qwen3-4B-q4f16_1_cs1k-webgpu\.wasm$/);
    expect(record.overrides?.context_window_size).toBe(8192);
    expect(record.required_features).toEqual(['shader-f16']);
  });

  it('gives a recipe the user’s weights and the library of its prebuilt twin', () => {
    const record = appConfigFor({ modelId: 'ClinAlign-4B-q4f32_1', modelUrl: 'http://127.0.0.1:4173/models/ClinAlign-4B', libraryFromPrebuiltId: 'Qwen3-4B-q4f32_1-MLC', contextWindow: 8192, thinking: true, requiresShaderF16: false }).model_list[0]!;
    expect(record).toMatchObject({ model_id: 'ClinAlign-4B-q4f32_1', model: 'http://127.0.0.1:4173/models/ClinAlign-4B', required_features: undefined });
    expect(record.model_lib).toMatch(/Qwen3-4B-q4f32_1_cs1k-webgpu\.wasm$/);
  });
});
