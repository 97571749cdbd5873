// The OpenAI-compatible engine's public face: what the app and the CLI may import from openai/.
// The engine itself is made by ../createEngine.ts (imported lazily there), so only its type is here.

export type { OpenAiCompatibleEngine } from './engine';
export { MalformedResponseError, ServerConnectionLostError, ServerHttpError, ServerTimeoutError, ServerUnreachableError } from './errors';
export { listServerModels, normaliseBaseUrl } from './http';
export { RetryingEngine, type RetryPolicy } from './retryingEngine';
export { DEFAULT_OPENAI_SETTINGS, openAiSettingsProblems, type OpenAiEngineSettings } from './settings';
