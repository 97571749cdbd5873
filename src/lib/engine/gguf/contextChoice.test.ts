// The automatic GGUF context: the trained context within the memory budget, in llama.cpp's steps.

import { describe, expect, it } from 'vitest';
import { AUTO_CONTEXT, MAX_AUTO_CONTEXT, chooseContextSize, contextMemoryBudget } from './contextChoice';
import { BROWSER_MEMORY_LIMIT_BYTES, estimateMemory, type GgufModelInfo } from './ggufModel';
import { DEFAULT_GGUF_SETTINGS, ggufSettingsProblems } from './settings';
import { configuredContextWindow } from '../../tokenizer';

/** Qwen3-4B-like shape at Q4_K_M: 36 layers, 8 KV heads of 128: 144 KiB of f16 KV cache per token. */
const QWEN3_4B: GgufModelInfo = {
  fileName: 'qwen3-4b-q4_k_m.gguf',
  architecture: 'qwen3',
  name: 'Qwen3 4B',
  parameterCount: 4.0e9,
  activeParameterCount: null,
  quantization: 'Q4_K_M',
  contextLength: 40960,
  expertCount: null,
  expertUsedCount: null,
  layerCount: 36,
  embeddingLength: 2560,
  feedForwardLength: 9728,
  headCount: 32,
  headCountKv: 8,
  keyLength: 128,
  valueLength: 128,
  vocabSize: 151936,
  hasChatTemplate: true,
  parts: 1,
  fileBytes: 2.5e9,
  weightBytes: 2.5e9,
};
const TINY: GgufModelInfo = { ...QWEN3_4B, fileName: 'tiny.gguf', contextLength: 32768, layerCount: 2, embeddingLength: 64, feedForwardLength: 128, headCount: 4, headCountKv: 2, keyLength: 16, valueLength: 16, vocabSize: 512, weightBytes: 1.6e6, fileBytes: 1.7e6 };

describe('chooseContextSize', () => {
  it('keeps a context the user set', () => {
    expect(chooseContextSize(QWEN3_4B, 2048, BROWSER_MEMORY_LIMIT_BYTES)).toEqual({ contextSize: 2048, reason: 'setting' });
  });

  it('uses the whole trained context when it fits', () => {
    expect(chooseContextSize(TINY, AUTO_CONTEXT, BROWSER_MEMORY_LIMIT_BYTES)).toEqual({ contextSize: 32768, reason: 'trained' });
    expect(chooseContextSize({ ...TINY, contextLength: 8192 }, AUTO_CONTEXT, BROWSER_MEMORY_LIMIT_BYTES)).toEqual({ contextSize: 8192, reason: 'trained' });
  });

  it('stops at the ceiling for models trained on longer contexts, and uses 4,096 when the header does not say', () => {
    expect(chooseContextSize({ ...TINY, contextLength: 131072 }, AUTO_CONTEXT, BROWSER_MEMORY_LIMIT_BYTES)).toEqual({ contextSize: MAX_AUTO_CONTEXT, reason: 'ceiling' });
    expect(chooseContextSize({ ...TINY, contextLength: null }, AUTO_CONTEXT, BROWSER_MEMORY_LIMIT_BYTES)).toEqual({ contextSize: 4096, reason: 'unstated' });
  });

  it('lowers the context, in steps of 256, to the largest whose estimate fits the budget', () => {
    const choice = chooseContextSize(QWEN3_4B, AUTO_CONTEXT, BROWSER_MEMORY_LIMIT_BYTES);
    expect(choice.reason).toBe('memory');
    expect(choice.contextSize % 256).toBe(0);
    expect(choice.contextSize).toBeGreaterThan(4096); // more than the old fixed default, which was below the budget
    expect(choice.contextSize).toBeLessThan(32768);
    expect(estimateMemory(QWEN3_4B, choice.contextSize).totalBytes).toBeLessThanOrEqual(BROWSER_MEMORY_LIMIT_BYTES);
    expect(estimateMemory(QWEN3_4B, choice.contextSize + 256).totalBytes).toBeGreaterThan(BROWSER_MEMORY_LIMIT_BYTES);
  });

  it('on a device with little memory, takes what half its RAM allows', () => {
    const budget = contextMemoryBudget(6); // 3 GB
    const choice = chooseContextSize(QWEN3_4B, AUTO_CONTEXT, budget);
    expect(choice.reason).toBe('memory');
    expect(estimateMemory(QWEN3_4B, choice.contextSize).totalBytes).toBeLessThanOrEqual(3e9);
    expect(choice.contextSize).toBeLessThan(chooseContextSize(QWEN3_4B, AUTO_CONTEXT, BROWSER_MEMORY_LIMIT_BYTES).contextSize);
  });

  it('falls back to 4,096 when the weights alone exceed the device’s share (the 4 GiB check decides then)', () => {
    expect(chooseContextSize(QWEN3_4B, AUTO_CONTEXT, contextMemoryBudget(4))).toEqual({ contextSize: 4096, reason: 'fallback' });
  });
});

describe('contextMemoryBudget', () => {
  it('is the tab’s 4 GiB, or half the reported RAM when that is less', () => {
    expect(contextMemoryBudget(null)).toBe(BROWSER_MEMORY_LIMIT_BYTES);
    expect(contextMemoryBudget(16)).toBe(BROWSER_MEMORY_LIMIT_BYTES);
    expect(contextMemoryBudget(4)).toBe(2e9);
  });
});

describe('the automatic setting', () => {
  it('is the default, is valid, and the pre-load length check reads it as the automatic ceiling (not a 0-token window)', () => {
    expect(DEFAULT_GGUF_SETTINGS.contextSize).toBe(AUTO_CONTEXT);
    expect(ggufSettingsProblems({ ...DEFAULT_GGUF_SETTINGS, source: { type: 'url', url: '/m.gguf' } })).toEqual([]);
    expect(ggufSettingsProblems({ ...DEFAULT_GGUF_SETTINGS, source: { type: 'url', url: '/m.gguf' }, contextSize: 100 })).toHaveLength(1);
    expect(configuredContextWindow(DEFAULT_GGUF_SETTINGS)).toBe(MAX_AUTO_CONTEXT);
    expect(configuredContextWindow({ ...DEFAULT_GGUF_SETTINGS, contextSize: 2048 })).toBe(2048);
  });
});
