// The web-llm worker's protocol logic: loads one model, runs chat calls one at a time, maps a Stop
// onto web-llm's engine-wide interruptGenerate() for the call it was meant for only, and keeps
// replies in the form web-llm stored them so the KV cache is reused across draft → grade → revise.
// The library itself is reached through `WorkerRuntime`, so this file is tested with fakes.

import { mapFinishReason } from '../finishReason';
import type { ChatMessage, ChatUsage } from '../../core/chat';
import type { WorkerModelSpec } from './modelSpec';
import type { InitReport } from './progress';
import { LoadProgressTracker } from './progress';
import type { FailureDiagnosis, PageToWorker, WireError, WorkerChatOptions, WorkerToPage } from './protocol';
import { toWireError } from './wireErrors';
import { ReplyLedger, VisibleStream, visibleReply } from './replyLedger';

/** The subset of web-llm's chat request the app sends. */
export interface EngineChatRequest {
  messages: ChatMessage[];
  stream: true;
  stream_options: { include_usage: true };
  max_tokens?: number;
  temperature?: number;
  response_format?: { type: 'json_object'; schema: string };
  extra_body?: { enable_thinking?: boolean };
}

/** The subset of web-llm's streamed chunk the app reads. */
export interface EngineChunk {
  choices: { delta?: { content?: string | null }; finish_reason?: string | null }[];
  usage?: {
    prompt_tokens?: number;
    completion_tokens?: number;
    extra?: { prefill_tokens_per_s?: number; decode_tokens_per_s?: number };
  };
}

/** The subset of web-llm's MLCEngine the worker uses. */
export interface EngineLike {
  chatCompletion(request: EngineChatRequest): Promise<AsyncIterable<EngineChunk>>;
  interruptGenerate(): unknown;
  /** The reply exactly as web-llm stored it in its conversation. */
  getMessage(): Promise<string>;
  unload(): Promise<void>;
}

/** What the handler needs from web-llm and the worker global. */
export interface WorkerRuntime {
  /** Whether the model's weights are all in the browser cache already. */
  isCached(model: WorkerModelSpec): Promise<boolean>;
  /** Creates and loads the engine, reporting web-llm's progress and, once known, the weights' size. */
  loadEngine(model: WorkerModelSpec, onReport: (report: InitReport) => void, onWeightsSize: (bytes: number) => void): Promise<EngineLike>;
  /** Finds out, by fetching the model's files, why a load failed (404, offline…); undefined when it cannot tell. */
  diagnose(model: WorkerModelSpec, error: WireError): Promise<FailureDiagnosis | undefined>;
  post(message: WorkerToPage): void;
}

/** Error names web-llm uses when the JSON schema cannot be turned into a grammar. */
const SCHEMA_REJECTED = new Set([
  'InvalidResponseFormatError',
  'InvalidResponseFormatGrammarError',
  'GrammarMatcherInitError',
  'CustomResponseFormatError',
]);

/** Qwen3's empty thinking block ("<think>\n\n</think>\n\n") counts against max_tokens in web-llm. */
const EMPTY_THINK_BLOCK_TOKENS = 4;


function sameMessages(a: readonly ChatMessage[], b: readonly ChatMessage[]): boolean {
  return a.length === b.length && a.every((m, i) => m.role === b[i]!.role && m.content === b[i]!.content);
}

export class WorkerHandler {
  #engine: EngineLike | null = null;
  #model: WorkerModelSpec | null = null;
  #queue: Promise<void> = Promise.resolve();
  /** Calls stopped before or while they ran. */
  readonly #stopped = new Set<number>();
  #running: number | null = null;
  readonly #ledger = new ReplyLedger();
  /** The conversation web-llm holds after the last call that ended normally (null: none it can extend). */
  #stored: ChatMessage[] | null = null;
  #schemaUnsupported = false;
  #deviceLost = false;

  constructor(private readonly runtime: WorkerRuntime) {}

  /** Handles one message from the page. */
  receive(message: PageToWorker): void {
    switch (message.type) {
      case 'load':
        this.#enqueue(() => this.#load(message.id, message.model));
        break;
      case 'chat':
        this.#enqueue(() => this.#chat(message.id, message.messages, message.options));
        break;
      case 'abort':
        this.#interrupt(message.id);
        break;
      case 'unload':
        this.#enqueue(async () => {
          await this.#unload();
          this.runtime.post({ type: 'unloaded', id: message.id });
        });
        break;
    }
  }

  /** The GPU device went away (reported by the runtime's device watch). */
  deviceLost(): void {
    this.#deviceLost = true;
    this.#stored = null;
    if (this.#running === null) this.runtime.post({ type: 'device_lost' });
  }

  #enqueue(task: () => Promise<void>): void {
    this.#queue = this.#queue.then(task, task);
  }

  #interrupt(id: number): void {
    this.#stopped.add(id);
    // interruptGenerate() stops whatever web-llm is generating, so only call it for the call it is running.
    if (this.#running === id) void this.#engine?.interruptGenerate();
  }

  async #unload(): Promise<void> {
    const engine = this.#engine;
    this.#engine = null;
    this.#model = null;
    this.#stored = null;
    this.#ledger.clear();
    await engine?.unload().catch(() => undefined);
  }

  async #load(id: number, model: WorkerModelSpec): Promise<void> {
    await this.#unload();
    this.#deviceLost = false;
    this.#schemaUnsupported = false;
    try {
      const tracker = new LoadProgressTracker(await this.runtime.isCached(model).catch(() => false));
      const engine = await this.runtime.loadEngine(
        model,
        (report) => this.runtime.post({ type: 'progress', id, progress: tracker.next(report) }),
        (bytes) => (tracker.totalBytes = bytes),
      );
      if (this.#deviceLost) throw Object.assign(new Error('The GPU device was lost while loading.'), { name: 'DeviceLostError' });
      this.#engine = engine;
      this.#model = model;
      this.runtime.post({ type: 'loaded', id });
    } catch (err) {
      const error = toWireError(err);
      error.diagnosis = this.#deviceLost ? { kind: 'device_lost' } : await this.runtime.diagnose(model, error).catch(() => undefined);
      this.runtime.post({ type: 'failed', id, error });
    }
  }

  #request(messages: ChatMessage[], options: WorkerChatOptions, withSchema: boolean): EngineChatRequest {
    const thinkingOff = options.thinking === false && Boolean(this.#model?.thinking);
    const request: EngineChatRequest = { messages, stream: true, stream_options: { include_usage: true } };
    if (options.maxTokens) request.max_tokens = options.maxTokens + (thinkingOff ? EMPTY_THINK_BLOCK_TOKENS : 0);
    if (options.temperature !== undefined) request.temperature = options.temperature;
    if (withSchema && options.schema) request.response_format = { type: 'json_object', schema: JSON.stringify(options.schema) };
    // Only Qwen3-style models understand this; for others web-llm would still insert the think block.
    if (thinkingOff) request.extra_body = { enable_thinking: false };
    return request;
  }

  async #chat(id: number, messages: ChatMessage[], options: WorkerChatOptions): Promise<void> {
    if (this.#stopped.delete(id)) {
      // Stopped before it started (e.g. Stop pressed between two calls): never reaches web-llm.
      this.runtime.post({ type: 'done', id, result: { text: '', finishReason: 'abort', usage: { promptTokens: null, completionTokens: null } } });
      return;
    }
    const engine = this.#engine;
    if (!engine || this.#deviceLost) {
      const error: WireError = this.#deviceLost
        ? { name: 'DeviceLostError', message: 'The GPU device was lost.', diagnosis: { kind: 'device_lost' } }
        : { name: 'ModelNotLoadedError', message: 'No model is loaded in the worker.' };
      this.runtime.post({ type: 'failed', id, error });
      return;
    }
    this.#running = id;
    const restored = this.#ledger.restore(messages);
    const continued = this.#stored !== null && sameMessages(this.#stored, restored.slice(0, -1));
    try {
      let outcome: { finish: string | null; usage: EngineChunk['usage'] };
      const useSchema = Boolean(options.schema) && !this.#schemaUnsupported;
      try {
        outcome = await this.#stream(engine, id, this.#request(restored, options, useSchema));
      } catch (err) {
        if (!useSchema || !SCHEMA_REJECTED.has(toWireError(err).name)) throw err;
        // The schema is beyond web-llm's grammar support: ask without it; the reply is parsed defensively anyway.
        this.#schemaUnsupported = true;
        outcome = await this.#stream(engine, id, this.#request(restored, options, false));
      }
      const raw = await engine.getMessage();
      const text = visibleReply(raw);
      this.#ledger.remember(text, raw);
      const stopped = this.#stopped.has(id);
      const finishReason = stopped ? 'abort' : mapFinishReason(outcome.finish);
      // web-llm rebuilds its conversation after an interrupted or cut-off reply, so only a clean stop can be extended.
      this.#stored = finishReason === 'stop' ? [...restored, { role: 'assistant', content: raw }] : null;
      const usage: ChatUsage = {
        promptTokens: outcome.usage?.prompt_tokens ?? null,
        completionTokens: outcome.usage?.completion_tokens ?? null,
        prefillTokensPerSecond: outcome.usage?.extra?.prefill_tokens_per_s,
        decodeTokensPerSecond: outcome.usage?.extra?.decode_tokens_per_s,
        continuedConversation: continued,
      };
      this.runtime.post({ type: 'done', id, result: { text, finishReason, usage } });
    } catch (err) {
      this.#stored = null;
      const error = toWireError(err);
      if (this.#deviceLost) error.diagnosis = { kind: 'device_lost' };
      this.runtime.post({ type: 'failed', id, error });
    } finally {
      this.#running = null;
      this.#stopped.delete(id);
    }
  }

  async #stream(engine: EngineLike, id: number, request: EngineChatRequest): Promise<{ finish: string | null; usage: EngineChunk['usage'] }> {
    const visible = new VisibleStream();
    let finish: string | null = null;
    let usage: EngineChunk['usage'];
    const stream = await engine.chatCompletion(request);
    for await (const chunk of stream) {
      // web-llm clears its interrupt flag when a call starts; a Stop that landed just before is re-sent here.
      if (this.#stopped.has(id)) void engine.interruptGenerate();
      const choice = chunk.choices[0];
      const delta = choice?.delta?.content;
      if (delta) {
        const text = visible.push(delta);
        if (text) this.runtime.post({ type: 'token', id, text });
      }
      if (choice?.finish_reason) finish = choice.finish_reason;
      if (chunk.usage) usage = chunk.usage;
    }
    const rest = visible.flush();
    if (rest) this.runtime.post({ type: 'token', id, text: rest });
    return { finish, usage };
  }
}
