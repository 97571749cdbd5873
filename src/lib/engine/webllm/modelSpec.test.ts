import { describe, expect, it } from 'vitest';
import { openAppDb } from '../../db/schema';
import { SettingsRepository } from '../../db/settingsRepository';
import { SettingsState } from '../../state/settings.svelte';
import { DEFAULT_OPENAI_SETTINGS } from '../openai/settings';
import { engineSettingsProblems } from '../settings';
import { DEFAULT_WEBLLM_SETTINGS } from './settings';
import { modelFilesBase, resolveModel } from './modelSpec';

describe('web-llm settings', () => {
  it('the default settings are usable as they are', () => {
    expect(engineSettingsProblems(DEFAULT_WEBLLM_SETTINGS)).toEqual([]);
  });

  it('a recipe needs the user’s files, never pretending to be one click away', () => {
    const clinalign4b = { ...DEFAULT_WEBLLM_SETTINGS, catalogId: 'ClinAlign-4B-q4f32_1' };
    expect(engineSettingsProblems(clinalign4b).join()).toMatch(/converted weights/);
    const ok = { ...clinalign4b, modelUrl: 'http://127.0.0.1:4173/models/ClinAlign-4B-q4f32_1-MLC' };
    expect(engineSettingsProblems(ok)).toEqual([]);
    // Its library is web-llm's Qwen3-4B one; its weights are the user's.
    expect(resolveModel(ok).worker).toEqual({
      modelId: 'ClinAlign-4B-q4f32_1',
      modelUrl: 'http://127.0.0.1:4173/models/ClinAlign-4B-q4f32_1-MLC',
      libraryFromPrebuiltId: 'Qwen3-4B-q4f32_1-MLC',
      contextWindow: 8192,
      thinking: true,
      requiresShaderF16: false,
    });
    const moe = { ...DEFAULT_WEBLLM_SETTINGS, catalogId: 'ClinAlign-30B-A3B-q4f16_1', modelUrl: 'https://h/m' };
    expect(engineSettingsProblems(moe).join()).toMatch(/model library/);
  });

  it('a custom model needs a name and absolute URLs', () => {
    const custom = { ...DEFAULT_WEBLLM_SETTINGS, catalogId: 'custom', customName: 'my model', modelUrl: '/models/x', modelLibUrl: '' };
    expect(engineSettingsProblems(custom)).toHaveLength(3);
    const fixed = { ...custom, customName: 'my-model', modelUrl: 'http://127.0.0.1/models/x', modelLibUrl: 'http://127.0.0.1/libs/x.wasm', customShaderF16: true };
    expect(engineSettingsProblems(fixed)).toEqual([]);
    expect(resolveModel(fixed)).toMatchObject({ id: 'my-model', requiresShaderF16: true, vramMB: null, downloadBytes: null });
  });

  it('rejects unknown catalog ids and contexts beyond the model', () => {
    expect(engineSettingsProblems({ ...DEFAULT_WEBLLM_SETTINGS, catalogId: 'Gone-Model' }).join()).toMatch(/not in this version/);
    expect(engineSettingsProblems({ ...DEFAULT_WEBLLM_SETTINGS, contextWindow: 65536 }).join()).toMatch(/at most 32768/);
  });

  it('builds web-llm’s file base: <url>/resolve/main/ unless a revision is named', () => {
    expect(modelFilesBase('http://127.0.0.1:4173/models/X')).toBe('http://127.0.0.1:4173/models/X/resolve/main/');
    expect(modelFilesBase('http://h/X/resolve/v2/')).toBe('http://h/X/resolve/v2/');
  });
});

describe('engine settings for new and existing users', () => {
  it('new users start on the on-device engine; saved settings of any engine are kept', async () => {
    const repo = new SettingsRepository(await openAppDb(`settings-${Math.random()}`));
    const fresh = new SettingsState(repo);
    await fresh.load();
    expect(fresh.engine).toEqual(DEFAULT_WEBLLM_SETTINGS);

    const saved = { ...DEFAULT_OPENAI_SETTINGS, model: 'qwen3:4b' };
    await repo.set('engine', saved);
    const existing = new SettingsState(repo);
    await existing.load();
    expect(existing.engine).toEqual(saved);
  });
});
