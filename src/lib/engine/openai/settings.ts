// What the user configures for an OpenAI-compatible server, its defaults, and whether it is usable.

/** An OpenAI-compatible chat server: llama.cpp server, Ollama, vLLM, SGLang… */
export interface OpenAiEngineSettings {
  kind: 'openai';
  /** Base URL up to and including the API version, e.g. http://127.0.0.1:8000/v1 */
  baseUrl: string;
  model: string;
  /** Sent as a Bearer token when non-empty. */
  apiKey: string;
  /** How long the server may stay silent (before the first byte, or between streamed chunks). */
  timeoutSeconds: number;
  /** The model's context window, used to refuse questions that cannot fit. */
  contextWindow: number;
}

export const DEFAULT_OPENAI_SETTINGS: OpenAiEngineSettings = {
  kind: 'openai',
  baseUrl: 'http://127.0.0.1:8000/v1',
  model: '',
  apiKey: '',
  timeoutSeconds: 120,
  contextWindow: 8192,
};

/** What is missing or wrong in server settings, in user words; empty when they can be used. */
export function openAiSettingsProblems(settings: OpenAiEngineSettings): string[] {
  const problems: string[] = [];
  try {
    const url = new URL(settings.baseUrl);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') problems.push('The server URL must start with http:// or https://.');
  } catch {
    problems.push('The server URL is not a valid URL.');
  }
  if (!settings.model.trim()) problems.push('Enter the model name the server knows the model by.');
  if (!(settings.timeoutSeconds > 0)) problems.push('The timeout must be a positive number of seconds.');
  if (!(settings.contextWindow >= 512)) problems.push('The context window must be at least 512 tokens.');
  return problems;
}
