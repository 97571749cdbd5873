// The chat port: the one interface the pipeline needs from a model, owned by the core. Every engine
// (OpenAI-compatible HTTP, web-llm, GGUF/wllama) implements it; engine libraries stay behind it.

export type ChatRole = 'system' | 'user' | 'assistant';

export interface ChatMessage {
  role: ChatRole;
  content: string;
}

/** A JSON Schema for a structured step, with the name OpenAI-style APIs want. */
export interface JsonSchemaSpec {
  name: string;
  schema: Record<string, unknown>;
}

export interface ChatOptions {
  /** Aborting rejects the call with an AbortError and stops generation. */
  signal?: AbortSignal;
  /** When set, ask the engine to constrain the reply to this schema (engines may ignore it). */
  schema?: JsonSchemaSpec;
  /** Upper bound on generated tokens. */
  maxTokens?: number;
  temperature?: number;
  /** Called with each streamed piece of visible text (never with thinking). */
  onToken?: (delta: string) => void;
  /**
   * Called whenever the engine hears from its model (any streamed bytes, thinking included), so a
   * screen can tell a slow reply from a silent server. Engines that cannot tell may never call it.
   */
  onActivity?: () => void;
  /**
   * Whether a reasoning model may think before answering. Structured steps pass false;
   * engines that cannot switch it off strip the thinking from `text`.
   */
  thinking?: boolean;
}

/** Why generation ended. `length` means the reply is incomplete. */
export type FinishReason = 'stop' | 'length' | 'abort' | 'other';

/** Token counts as the engine reports them; null when it does not say. */
export interface ChatUsage {
  promptTokens: number | null;
  completionTokens: number | null;
  /** Prompt tokens served from a KV cache, where the engine reports it. */
  cachedPromptTokens?: number;
  prefillTokensPerSecond?: number;
  decodeTokensPerSecond?: number;
  /** The engine extended the conversation it held (KV cache reused) instead of prefilling it again. */
  continuedConversation?: boolean;
}

export interface ChatResult {
  /** The visible reply, thinking removed. */
  text: string;
  finishReason: FinishReason;
  usage: ChatUsage;
}

/** A loaded, ready-to-use model. */
export interface ChatEngine {
  /** For display and run records, e.g. "qwen3:4b @ http://127.0.0.1:8000/v1". */
  readonly label: string;
  /** The model's context window in tokens, when known. */
  readonly contextWindow: number | null;
  chat(messages: ChatMessage[], options?: ChatOptions): Promise<ChatResult>;
  /** Release the model and any worker. */
  dispose(): Promise<void>;
}
