// The body of an OpenAI-compatible chat-completions request, built in one place so the live engine
// and the CLI's batch files (OpenAI Batch API / `vllm run-batch`) send exactly the same request.

import type { ChatMessage, ChatOptions } from '../../core/chat';

/**
 * The request body for `messages` under `options`. `schema` false leaves `response_format` out
 * (for servers that rejected it); `stream` false asks for one JSON reply (batch files).
 */
export function chatCompletionBody(
  model: string,
  messages: readonly ChatMessage[],
  options: Pick<ChatOptions, 'maxTokens' | 'temperature' | 'schema' | 'thinking'>,
  { schema = true, stream = true }: { schema?: boolean; stream?: boolean } = {},
): Record<string, unknown> {
  const body: Record<string, unknown> = { model, messages };
  if (stream) {
    body.stream = true;
    body.stream_options = { include_usage: true };
  }
  if (options.maxTokens) body.max_tokens = options.maxTokens;
  if (options.temperature !== undefined) body.temperature = options.temperature;
  if (schema && options.schema) {
    body.response_format = { type: 'json_schema', json_schema: { name: options.schema.name, schema: options.schema.schema } };
  }
  // Qwen3-style templates read this to skip thinking; servers that do not know it ignore it.
  if (options.thinking === false) body.chat_template_kwargs = { enable_thinking: false };
  return body;
}
