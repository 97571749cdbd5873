// The ChatEngine for OpenAI-compatible servers (llama.cpp server, Ollama, vLLM, SGLang): streaming
// chat completions over SSE, with an idle timeout, abort, and json_schema response_format.
// Runs unchanged in the page and in Node (the CLI), on the platform's fetch.

import { ClinReviseError, isAbortError, throwIfAborted } from '../../core/errors';
import type { EngineLoadOptions } from '../types';
import { chatCompletionBody } from './requestBody';
import { MalformedResponseError, ServerConnectionLostError, ServerHttpError, ServerTimeoutError, ServerUnreachableError, parseRetryAfter } from './errors';
import { mapFinishReason } from '../finishReason';
import { errorDetail, networkDetail, normaliseBaseUrl } from './http';
import type { OpenAiEngineSettings } from './settings';
import { ThinkFilter } from '../thinkFilter';
import type { ChatEngine, ChatMessage, ChatOptions, ChatResult } from '../../core/chat';

interface StreamChunk {
  choices?: { delta?: { content?: string | null }; message?: { content?: string | null }; finish_reason?: string | null }[];
  usage?: { prompt_tokens?: number; completion_tokens?: number; prompt_tokens_details?: { cached_tokens?: number } };
  error?: { message?: string };
}

export class OpenAiCompatibleEngine implements ChatEngine {
  readonly label: string;
  readonly contextWindow: number | null;
  readonly #base: string;
  /** Set once the server has rejected response_format; later calls rely on prompt and parsing only. */
  #schemaRejected = false;

  private constructor(private readonly settings: OpenAiEngineSettings) {
    this.#base = normaliseBaseUrl(settings.baseUrl);
    this.label = `${settings.model} @ ${this.#base}`;
    this.contextWindow = settings.contextWindow;
  }

  /**
   * The engine for this server. Nothing is loaded and nothing is asked of the server until the first
   * call (a server may start after the app); the load options exist so every engine is made the same way.
   */
  static async create(settings: OpenAiEngineSettings, load: EngineLoadOptions = {}): Promise<OpenAiCompatibleEngine> {
    throwIfAborted(load.signal);
    return new OpenAiCompatibleEngine(settings);
  }

  async dispose(): Promise<void> {}

  async chat(messages: ChatMessage[], options: ChatOptions = {}): Promise<ChatResult> {
    const useSchema = Boolean(options.schema) && !this.#schemaRejected;
    try {
      return await this.#request(messages, options, useSchema);
    } catch (err) {
      // Some servers reject json_schema outright (400/422); the reply is parsed defensively anyway.
      // Only a retry that succeeds without the schema proves the schema was the problem.
      if (useSchema && err instanceof ServerHttpError && (err.status === 400 || err.status === 422)) {
        const result = await this.#request(messages, options, false);
        this.#schemaRejected = true;
        return result;
      }
      throw err;
    }
  }

  async #request(messages: ChatMessage[], options: ChatOptions, useSchema: boolean): Promise<ChatResult> {
    const body = chatCompletionBody(this.settings.model, messages, options, { schema: useSchema });

    const idle = new AbortController();
    const timeoutMs = this.settings.timeoutSeconds * 1000;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const armTimer = () => {
      clearTimeout(timer);
      timer = setTimeout(() => idle.abort(), timeoutMs);
    };
    const signal = options.signal ? AbortSignal.any([options.signal, idle.signal]) : idle.signal;
    const timedOut = () => idle.signal.aborted && !options.signal?.aborted;
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'text/event-stream' };
    if (this.settings.apiKey) headers.authorization = `Bearer ${this.settings.apiKey}`;

    armTimer();
    try {
      let response: Response;
      try {
        response = await fetch(`${this.#base}/chat/completions`, { method: 'POST', headers, body: JSON.stringify(body), signal });
      } catch (err) {
        if (timedOut()) throw new ServerTimeoutError(this.#base, this.settings.timeoutSeconds);
        if (isAbortError(err)) throw err;
        throw new ServerUnreachableError(this.#base, networkDetail(err));
      }
      if (!response.ok) {
        throw new ServerHttpError(this.#base, response.status, await errorDetail(response), parseRetryAfter(response.headers.get('retry-after')));
      }
      const contentType = response.headers.get('content-type') ?? '';
      const read = contentType.includes('application/json')
        ? this.#readWhole(response, options)
        : this.#readStream(response, options, armTimer);
      return await read.catch((err: unknown) => {
        if (timedOut()) throw new ServerTimeoutError(this.#base, this.settings.timeoutSeconds);
        if (isAbortError(err) || err instanceof ClinReviseError) throw err;
        // The body stream broke (server died, connection reset). Browsers only say "network error",
        // which adds nothing to the message; Node names the cause (ECONNRESET…), which the CLI keeps.
        const cause = (err as { cause?: { code?: unknown } } | null)?.cause?.code;
        throw new ServerConnectionLostError(this.#base, typeof cause === 'string' ? cause : undefined);
      });
    } finally {
      clearTimeout(timer);
    }
  }

  /** A server that ignored `stream: true` and sent one JSON body. */
  async #readWhole(response: Response, options: ChatOptions): Promise<ChatResult> {
    let parsed: StreamChunk;
    try {
      parsed = (await response.json()) as StreamChunk;
    } catch (err) {
      if (isAbortError(err)) throw err;
      throw new MalformedResponseError(this.#base, 'the JSON body could not be parsed');
    }
    const choice = parsed.choices?.[0];
    if (!choice) throw new MalformedResponseError(this.#base, parsed.error?.message ?? 'no choices in the reply');
    const filter = new ThinkFilter();
    const text = filter.push(choice.message?.content ?? '') + filter.flush();
    if (text) options.onToken?.(text);
    return {
      text: text.trim(),
      finishReason: mapFinishReason(choice.finish_reason),
      usage: {
        promptTokens: parsed.usage?.prompt_tokens ?? null,
        completionTokens: parsed.usage?.completion_tokens ?? null,
        cachedPromptTokens: parsed.usage?.prompt_tokens_details?.cached_tokens,
      },
    };
  }

  /** Server-sent events: `data: {chunk}` lines, ending with `data: [DONE]`. */
  async #readStream(response: Response, options: ChatOptions, onActivity: () => void): Promise<ChatResult> {
    if (!response.body) throw new MalformedResponseError(this.#base, 'the reply has no body');
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    const filter = new ThinkFilter();
    let text = '';
    let buffer = '';
    let finish: string | null | undefined;
    let usage: StreamChunk['usage'];
    let done = false;
    let sawChunk = false;
    const started = Date.now();
    let firstTokenAt: number | null = null;

    const emit = (piece: string) => {
      if (!piece) return;
      text += piece;
      options.onToken?.(piece);
    };
    const handleLine = (line: string) => {
      if (!line.startsWith('data:')) return; // comments (": ping"), event names, blank lines
      const data = line.slice(5).trim();
      if (data === '[DONE]') {
        done = true;
        return;
      }
      let chunk: StreamChunk;
      try {
        chunk = JSON.parse(data) as StreamChunk;
      } catch {
        throw new MalformedResponseError(this.#base, `a streamed chunk was not JSON: ${data.slice(0, 60)}`);
      }
      if (chunk.error) throw new MalformedResponseError(this.#base, `the server reported: ${chunk.error.message ?? 'an error'}`);
      sawChunk = true;
      if (chunk.usage) usage = chunk.usage;
      const choice = chunk.choices?.[0];
      if (!choice) return;
      const delta = choice.delta?.content ?? choice.message?.content ?? '';
      if (delta) {
        firstTokenAt ??= Date.now();
        emit(filter.push(delta));
      }
      if (choice.finish_reason) finish = choice.finish_reason;
    };

    for (;;) {
      const { value, done: ended } = await reader.read();
      if (ended) break;
      onActivity();
      options.onActivity?.();
      buffer += value;
      let newline: number;
      while ((newline = buffer.indexOf('\n')) !== -1) {
        handleLine(buffer.slice(0, newline).replace(/\r$/, ''));
        buffer = buffer.slice(newline + 1);
      }
      if (done) break;
    }
    if (buffer.trim()) handleLine(buffer.trim());
    emit(filter.flush());
    if (!sawChunk) throw new MalformedResponseError(this.#base, 'the stream ended without any data');
    if (!done && !finish) throw new MalformedResponseError(this.#base, 'the stream ended before the reply was complete');

    const completionTokens = usage?.completion_tokens ?? null;
    const decodeSeconds = firstTokenAt ? (Date.now() - firstTokenAt) / 1000 : 0;
    return {
      text: text.trim(),
      finishReason: mapFinishReason(finish),
      usage: {
        promptTokens: usage?.prompt_tokens ?? null,
        completionTokens,
        cachedPromptTokens: usage?.prompt_tokens_details?.cached_tokens,
        decodeTokensPerSecond: completionTokens && decodeSeconds > 0 ? completionTokens / decodeSeconds : undefined,
        prefillTokensPerSecond:
          usage?.prompt_tokens && firstTokenAt ? usage.prompt_tokens / Math.max(0.001, (firstTokenAt - started) / 1000) : undefined,
      },
    };
  }
}

