// Builds the ChatEngine the settings describe. Each engine's code is imported lazily, so the
// initial bundle carries none of them and the UI never imports an engine library. Every engine is
// made the same way: `XEngine.create(settings, {signal, onProgress})`.

import type { ChatEngine } from '../core/chat';
import { EngineNotConfiguredError } from './errors';
import { engineSettingsProblems, type EngineSettings } from './settings';
import type { EngineLoadOptions } from './types';

/** Creates (and, for on-device engines, loads) the engine for these settings. */
export async function createEngine(settings: EngineSettings, load: EngineLoadOptions = {}): Promise<ChatEngine> {
  const problems = engineSettingsProblems(settings);
  if (problems.length) throw new EngineNotConfiguredError(problems.join(' '));
  switch (settings.kind) {
    case 'openai': {
      const { OpenAiCompatibleEngine } = await import('./openai/engine');
      return OpenAiCompatibleEngine.create(settings, load);
    }
    case 'gguf': {
      const { GgufEngine } = await import('./gguf/engine');
      return GgufEngine.create(settings, load);
    }
    case 'webllm': {
      const { WebLlmEngine } = await import('./webllm/engine');
      return WebLlmEngine.create(settings, load);
    }
  }
}
