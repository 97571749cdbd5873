// Builds the ChatEngine the settings describe. Each engine's code is imported lazily, so the
// initial bundle carries none of them and the UI never imports an engine library.

import { EngineNotConfiguredError } from './errors';
import { engineSettingsProblems, type EngineSettings } from './settings';
import type { EngineLoadOptions } from './types';
import type { ChatEngine } from '../core/chat';

/** Creates (and, for on-device engines, loads) the engine for these settings. */
export async function createEngine(settings: EngineSettings, load: EngineLoadOptions = {}): Promise<ChatEngine> {
  const problems = engineSettingsProblems(settings);
  if (problems.length) throw new EngineNotConfiguredError(problems.join(' '));
  switch (settings.kind) {
    case 'openai': {
      const { OpenAiCompatibleEngine } = await import('./openaiCompatible');
      return new OpenAiCompatibleEngine(settings);
    }
    case 'gguf': {
      const { GgufEngine } = await import('./gguf/ggufEngine');
      return GgufEngine.create(settings, load);
    }
    case 'webllm': {
      const [{ WebLlmEngine }, { browserDeps }] = await Promise.all([import('./webllm/webLlmEngine'), import('./webllm/browserDeps')]);
      return WebLlmEngine.load(settings, load, browserDeps);
    }
  }
}
