// The engine settings the app stores: one union member per engine kind, and the dispatch over kinds.
// Each engine's own settings type, defaults and checks live beside it (openai/, webllm/, gguf/).

import { DEFAULT_GGUF_SETTINGS, ggufSettingsProblems, type GgufEngineSettings } from './gguf/settings';
import { DEFAULT_OPENAI_SETTINGS, openAiSettingsProblems, type OpenAiEngineSettings } from './openai/settings';
import { DEFAULT_WEBLLM_SETTINGS, webLlmSettingsProblems, type WebLlmEngineSettings } from './webllm/settings';

// The members and their defaults, for code that handles several kinds (Settings, stored settings).
export { DEFAULT_GGUF_SETTINGS, DEFAULT_OPENAI_SETTINGS, DEFAULT_WEBLLM_SETTINGS };
export type { GgufEngineSettings, GgufModelSource } from './gguf/settings';
export type { OpenAiEngineSettings, WebLlmEngineSettings };

export type EngineSettings = WebLlmEngineSettings | OpenAiEngineSettings | GgufEngineSettings;

export type EngineKind = EngineSettings['kind'];

/** Each kind's defaults: what a user who switches to that kind starts with. */
export const DEFAULT_ENGINE_SETTINGS: { readonly [K in EngineKind]: Extract<EngineSettings, { kind: K }> } = {
  webllm: DEFAULT_WEBLLM_SETTINGS,
  openai: DEFAULT_OPENAI_SETTINGS,
  gguf: DEFAULT_GGUF_SETTINGS,
};

/** What is missing or wrong, in user words; empty when the settings can be used. */
export function engineSettingsProblems(settings: EngineSettings): string[] {
  switch (settings.kind) {
    case 'openai':
      return openAiSettingsProblems(settings);
    case 'webllm':
      return webLlmSettingsProblems(settings);
    case 'gguf':
      return ggufSettingsProblems(settings);
  }
}
