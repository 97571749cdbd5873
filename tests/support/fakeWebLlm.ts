// A scripted stand-in for web-llm's MLCEngine (a test double: no model, no GPU). It copies the
// behaviours the worker relies on from web-llm 0.2.86: the KV cache is reused only when a request's
// earlier messages equal the stored conversation exactly; enable_thinking:false puts an empty think
// block into the stored reply; a call clears the interrupt flag when it starts.

import type { ChatMessage } from '../../src/lib/core/chat';
import type { PageToWorker, WorkerToPage } from '../../src/lib/engine/webllm/protocol';
import type { WorkerPort } from '../../src/lib/engine/webllm/workerClient';
import { WorkerHandler, type EngineChatRequest, type EngineChunk, type EngineLike, type WorkerRuntime } from '../../src/lib/engine/webllm/workerHandler';

export interface ScriptedReply {
  text?: string;
  /** Thinking the model does before answering (when thinking is not switched off). */
  thinking?: string;
  finish?: 'stop' | 'length';
  /** Characters per streamed chunk. */
  chunkSize?: number;
  /** Pause before each chunk (ms), so a Stop can land mid-reply. */
  delayMs?: number;
  /** Throw an error with this name instead of replying. */
  errorName?: string;
}

const EMPTY_THINK = '<think>\n\n</think>\n\n';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Rough token count: web-llm's tokenizer is not here, so characters / 4. */
export const fakeTokens = (text: string) => Math.ceil(text.length / 4);

export class FakeWebLlm implements EngineLike {
  readonly requests: EngineChatRequest[] = [];
  /** Tokens prefilled per call (only the new message when the conversation was continued). */
  readonly prefilled: number[] = [];
  readonly continued: boolean[] = [];
  interruptCalls = 0;
  unloaded = false;
  /** Delay inside chatCompletion() before the stream starts (models lock acquisition). */
  startDelayMs = 0;
  #stored: ChatMessage[] | null = null;
  #lastFinish: string | null = null;
  #interrupt = false;
  #message = '';

  /** Replies in order, or a function choosing the reply for each request. */
  constructor(readonly replies: ScriptedReply[] | ((request: EngineChatRequest) => ScriptedReply) = []) {}

  async chatCompletion(request: EngineChatRequest): Promise<AsyncIterable<EngineChunk>> {
    this.requests.push(structuredClone(request));
    if (this.startDelayMs) await sleep(this.startDelayMs);
    return this.#generate(request);
  }

  async *#generate(request: EngineChatRequest): AsyncGenerator<EngineChunk> {
    this.#interrupt = false; // as web-llm does when a call starts
    const reply = (typeof this.replies === 'function' ? this.replies(request) : this.replies.shift()) ?? { text: 'ok' };
    if (reply.errorName) throw Object.assign(new Error(`scripted ${reply.errorName}`), { name: reply.errorName });
    const prior = request.messages.slice(0, -1);
    const continued =
      this.#stored !== null &&
      this.#lastFinish === 'stop' &&
      this.#stored.length === prior.length &&
      this.#stored.every((m, i) => m.role === prior[i]!.role && m.content === prior[i]!.content);
    const toPrefill = continued ? request.messages.slice(-1) : request.messages;
    const promptTokens = toPrefill.reduce((n, m) => n + fakeTokens(m.content), 0);
    this.prefilled.push(promptTokens);
    this.continued.push(continued);

    const prefix = request.extra_body?.enable_thinking === false ? EMPTY_THINK : reply.thinking ? `<think>${reply.thinking}</think>\n\n` : '';
    const raw = prefix + (reply.text ?? '');
    const size = reply.chunkSize ?? 8;
    this.#message = '';
    let finish: string = reply.finish ?? 'stop';
    // web-llm emits the prefix together with the first sampled token.
    let position = Math.min(raw.length, prefix.length + size);
    this.#message = raw.slice(0, position);
    yield { choices: [{ delta: { content: this.#message } }] };
    while (position < raw.length) {
      if (this.#interrupt) {
        finish = 'abort';
        break;
      }
      if (reply.delayMs) await sleep(reply.delayMs);
      const next = raw.slice(position, position + size);
      position += next.length;
      this.#message += next;
      yield { choices: [{ delta: { content: next } }] };
    }
    this.#lastFinish = finish;
    this.#stored = [...request.messages, { role: 'assistant', content: this.#message }];
    yield { choices: [{ delta: {}, finish_reason: finish }] };
    yield {
      choices: [],
      usage: {
        prompt_tokens: promptTokens,
        completion_tokens: fakeTokens(this.#message),
        extra: { prefill_tokens_per_s: 500, decode_tokens_per_s: 20 },
      },
    };
  }

  interruptGenerate(): void {
    this.interruptCalls += 1;
    this.#interrupt = true;
  }

  async getMessage(): Promise<string> {
    return this.#message;
  }

  async unload(): Promise<void> {
    this.unloaded = true;
  }
}

/** A worker that runs WorkerHandler in-process, with messages delivered asynchronously like postMessage. */
export class InProcessWorker implements WorkerPort {
  onmessage: ((event: MessageEvent<WorkerToPage>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;
  readonly handler: WorkerHandler;

  constructor(runtime: (post: (m: WorkerToPage) => void) => WorkerRuntime, private readonly sent: PageToWorker[] = []) {
    this.handler = new WorkerHandler(
      runtime((message) => {
        const copy = structuredClone(message);
        setTimeout(() => !this.terminated && this.onmessage?.({ data: copy } as MessageEvent<WorkerToPage>));
      }),
    );
  }

  postMessage(message: PageToWorker): void {
    if (this.terminated) return;
    this.sent.push(structuredClone(message));
    const copy = structuredClone(message);
    setTimeout(() => !this.terminated && this.handler.receive(copy));
  }

  terminate(): void {
    this.terminated = true;
  }

  /** Fails the way a worker does when its GPU process dies. */
  crash(): void {
    this.onerror?.({ message: 'worker crashed', preventDefault() {} } as ErrorEvent);
  }
}
