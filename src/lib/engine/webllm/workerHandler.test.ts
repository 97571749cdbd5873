import { describe, expect, it } from 'vitest';
import { FakeWebLlm, type ScriptedReply } from '../../../../tests/support/fakeWebLlm';
import type { ChatMessage } from '../../core/chat';
import type { WorkerModelSpec } from './modelSpec';
import type { FailureDiagnosis, PageToWorker, WorkerToPage } from './protocol';
import { WorkerHandler, type WorkerRuntime } from './workerHandler';

const QWEN: WorkerModelSpec = { modelId: 'Qwen3-4B-q4f32_1-MLC', prebuiltId: 'Qwen3-4B-q4f32_1-MLC', contextWindow: 8192, thinking: true, requiresShaderF16: false };
const LLAMA: WorkerModelSpec = { ...QWEN, modelId: 'Llama', prebuiltId: 'Llama', thinking: false };

interface Harness {
  handler: WorkerHandler;
  engine: FakeWebLlm;
  posted: WorkerToPage[];
  send(message: PageToWorker): void;
  next<T extends WorkerToPage['type']>(type: T, id?: number): Promise<Extract<WorkerToPage, { type: T }>>;
  tokens(id: number): string;
}

function harness(replies: ScriptedReply[] = [], options: { loadError?: Error; diagnosis?: FailureDiagnosis; cached?: boolean } = {}): Harness {
  const engine = new FakeWebLlm(replies);
  const posted: WorkerToPage[] = [];
  const waiters: (() => void)[] = [];
  const runtime: WorkerRuntime = {
    post: (message) => {
      posted.push(structuredClone(message));
      waiters.splice(0).forEach((w) => w());
    },
    isCached: async () => options.cached ?? false,
    async loadEngine(_model, onReport, onWeightsSize) {
      onWeightsSize(2_000_000_000);
      onReport({ progress: 0, timeElapsed: 0, text: 'Start to fetch params' });
      onReport({ progress: 0.5, timeElapsed: 1, text: 'Fetching param cache[10/20]: 1000MB fetched. 50% completed, 1 secs elapsed.' });
      if (options.loadError) throw options.loadError;
      return engine;
    },
    diagnose: async () => options.diagnosis,
  };
  const handler = new WorkerHandler(runtime);
  const matches = (m: WorkerToPage, type: string, id?: number) => m.type === type && (id === undefined || ('id' in m && m.id === id));
  return {
    handler,
    engine,
    posted,
    send: (message) => handler.receive(structuredClone(message)),
    async next(type, id) {
      for (;;) {
        const found = posted.find((m) => matches(m, type, id));
        if (found) return found as never;
        await new Promise<void>((r) => waiters.push(r));
      }
    },
    tokens: (id) => posted.flatMap((m) => (m.type === 'token' && m.id === id ? [m.text] : [])).join(''),
  };
}

const user = (content: string): ChatMessage => ({ role: 'user', content });

describe('WorkerHandler: loading', () => {
  it('reports download progress with bytes, then loaded', async () => {
    const h = harness();
    h.send({ type: 'load', id: 0, model: QWEN });
    await h.next('loaded');
    const progress = h.posted.flatMap((m) => (m.type === 'progress' ? [m.progress] : []));
    expect(progress.map((p) => p.phase)).toEqual(['download', 'download']);
    expect(progress[1]).toMatchObject({ fraction: 0.5, loadedBytes: 1_000_000_000, totalBytes: 2_000_000_000 });
  });

  it('reports a failed load with web-llm’s error name and what the files check found', async () => {
    const h = harness([], { loadError: new TypeError('Failed to execute add on Cache'), diagnosis: { kind: 'http', url: 'http://x/resolve/main/mlc-chat-config.json', status: 404 } });
    h.send({ type: 'load', id: 0, model: QWEN });
    const failed = await h.next('failed', 0);
    expect(failed.error).toEqual({ name: 'TypeError', message: 'Failed to execute add on Cache', diagnosis: { kind: 'http', url: 'http://x/resolve/main/mlc-chat-config.json', status: 404 } });
  });

  it('answers a chat before any load with ModelNotLoadedError', async () => {
    const h = harness();
    h.send({ type: 'chat', id: 1, messages: [user('hi')], options: {} });
    expect((await h.next('failed', 1)).error.name).toBe('ModelNotLoadedError');
  });
});

describe('WorkerHandler: chat', () => {
  it('switches Qwen3 thinking off, streams only visible text, and returns it without the empty think block', async () => {
    const h = harness([{ text: 'Rest, fluids and paracetamol.' }]);
    h.send({ type: 'load', id: 0, model: QWEN });
    h.send({ type: 'chat', id: 1, messages: [user('Fever?')], options: { thinking: false, maxTokens: 100, temperature: 0.3 } });
    const done = await h.next('done', 1);
    expect(done.result.text).toBe('Rest, fluids and paracetamol.');
    expect(h.tokens(1)).toBe('Rest, fluids and paracetamol.');
    expect(h.engine.requests[0]).toMatchObject({ extra_body: { enable_thinking: false }, max_tokens: 104, temperature: 0.3, stream: true });
    expect(done.result.usage).toMatchObject({ prefillTokensPerSecond: 500, decodeTokensPerSecond: 20, continuedConversation: false });
    expect(done.result.finishReason).toBe('stop');
  });

  it('never sends enable_thinking to a model without Qwen3 thinking', async () => {
    const h = harness([{ text: 'ok' }]);
    h.send({ type: 'load', id: 0, model: LLAMA });
    h.send({ type: 'chat', id: 1, messages: [user('q')], options: { thinking: false, maxTokens: 50 } });
    await h.next('done', 1);
    expect(h.engine.requests[0]!.extra_body).toBeUndefined();
    expect(h.engine.requests[0]!.max_tokens).toBe(50);
  });

  it('removes thinking from the stream and the reply when the model may think', async () => {
    const h = harness([{ thinking: 'The user asks about fever. Consider red flags.', text: 'See a doctor if it lasts.', chunkSize: 5 }]);
    h.send({ type: 'load', id: 0, model: QWEN });
    h.send({ type: 'chat', id: 1, messages: [user('Fever?')], options: {} });
    const done = await h.next('done', 1);
    expect(done.result.text).toBe('See a doctor if it lasts.');
    expect(h.tokens(1)).toBe('See a doctor if it lasts.');
    expect(h.engine.requests[0]!.extra_body).toBeUndefined();
  });

  it('sends the schema as web-llm’s json_object response_format (a JSON string)', async () => {
    const h = harness([{ text: '{"a":1}' }]);
    h.send({ type: 'load', id: 0, model: QWEN });
    const schema = { type: 'object', properties: { a: { type: 'number' } } };
    h.send({ type: 'chat', id: 1, messages: [user('json')], options: { schema, thinking: false } });
    await h.next('done', 1);
    expect(h.engine.requests[0]!.response_format).toEqual({ type: 'json_object', schema: JSON.stringify(schema) });
  });

  it('asks again without the schema when web-llm cannot build a grammar from it, and stops sending it', async () => {
    const h = harness([{ errorName: 'InvalidResponseFormatGrammarError' }, { text: '{"a":1}' }, { text: '{"a":2}' }]);
    h.send({ type: 'load', id: 0, model: QWEN });
    h.send({ type: 'chat', id: 1, messages: [user('json')], options: { schema: { type: 'object' } } });
    expect((await h.next('done', 1)).result.text).toBe('{"a":1}');
    h.send({ type: 'chat', id: 2, messages: [user('json again')], options: { schema: { type: 'object' } } });
    await h.next('done', 2);
    expect(h.engine.requests.map((r) => Boolean(r.response_format))).toEqual([true, false, false]);
  });

  it('passes other web-llm errors through by name', async () => {
    const h = harness([{ errorName: 'ContextWindowSizeExceededError' }]);
    h.send({ type: 'load', id: 0, model: QWEN });
    h.send({ type: 'chat', id: 1, messages: [user('long')], options: {} });
    expect((await h.next('failed', 1)).error.name).toBe('ContextWindowSizeExceededError');
  });
});

describe('WorkerHandler: KV cache reuse across draft → grade → revise → grade', () => {
  it('gives web-llm back each reply as it stored it, so every later call continues the conversation', async () => {
    const h = harness([{ text: 'Draft answer.' }, { text: '{"grades":[]}' }, { text: 'Revised answer.' }, { text: '{"grades":[1]}' }]);
    h.send({ type: 'load', id: 0, model: QWEN });
    // The pipeline extends one thread with the visible text each call returned.
    const thread: ChatMessage[] = [{ role: 'system', content: 'You are careful.' }, user('Question?')];
    let id = 0;
    for (const instruction of [null, 'Grade it.', 'Revise it.', 'Grade again.']) {
      if (instruction) thread.push(user(instruction));
      id += 1;
      h.send({ type: 'chat', id, messages: thread, options: { thinking: false } });
      const done = await h.next('done', id);
      thread.push({ role: 'assistant', content: done.result.text });
      expect(done.result.text).not.toContain('<think>');
      expect(done.result.usage.continuedConversation).toBe(id > 1);
    }
    expect(h.engine.continued).toEqual([false, true, true, true]);
    // Each later call prefilled only its new instruction.
    expect(h.engine.prefilled.slice(1)).toEqual(['Grade it.', 'Revise it.', 'Grade again.'].map((t) => Math.ceil(t.length / 4)));
    // What web-llm received as history is the stored form, empty think block included.
    expect(h.engine.requests[1]!.messages[2]!.content).toBe('<think>\n\n</think>\n\nDraft answer.');
  });

  it('does not claim a continued conversation after a reply cut off at the token limit', async () => {
    const h = harness([{ text: 'Long draft', finish: 'length' }, { text: 'grades' }]);
    h.send({ type: 'load', id: 0, model: QWEN });
    const thread: ChatMessage[] = [user('Q')];
    h.send({ type: 'chat', id: 1, messages: thread, options: { thinking: false } });
    const first = await h.next('done', 1);
    expect(first.result.finishReason).toBe('length');
    h.send({ type: 'chat', id: 2, messages: [...thread, { role: 'assistant', content: first.result.text }, user('Grade')], options: {} });
    expect((await h.next('done', 2)).result.usage.continuedConversation).toBe(false);
  });
});

describe('WorkerHandler: Stop', () => {
  it('interrupts the call it was meant for and reports it as aborted', async () => {
    const h = harness([{ text: 'a'.repeat(400), chunkSize: 4, delayMs: 2 }]);
    h.send({ type: 'load', id: 0, model: QWEN });
    h.send({ type: 'chat', id: 1, messages: [user('q')], options: {} });
    await new Promise<void>((resolve) => {
      const check = () => (h.tokens(1).length > 20 ? resolve() : setTimeout(check, 1));
      check();
    });
    h.send({ type: 'abort', id: 1 });
    const done = await h.next('done', 1);
    expect(done.result.finishReason).toBe('abort');
    expect(h.engine.interruptCalls).toBeGreaterThan(0);
    expect(h.tokens(1).length).toBeLessThan(400);
  });

  it('a Stop for the next call, pressed while the previous one runs, stops neither the previous call nor reaches web-llm', async () => {
    const h = harness([{ text: 'first reply, complete', chunkSize: 3, delayMs: 2 }, { text: 'never' }]);
    h.send({ type: 'load', id: 0, model: QWEN });
    h.send({ type: 'chat', id: 1, messages: [user('one')], options: {} });
    h.send({ type: 'chat', id: 2, messages: [user('two')], options: {} });
    h.send({ type: 'abort', id: 2 });
    const first = await h.next('done', 1);
    expect(first.result).toMatchObject({ text: 'first reply, complete', finishReason: 'stop' });
    const second = await h.next('done', 2);
    expect(second.result.finishReason).toBe('abort');
    expect(h.engine.requests).toHaveLength(1);
    expect(h.engine.interruptCalls).toBe(0);
  });

  it('still stops a call whose Stop arrived before web-llm cleared its interrupt flag at the start', async () => {
    const h = harness([{ text: 'b'.repeat(200), chunkSize: 4, delayMs: 1 }]);
    h.engine.startDelayMs = 20;
    h.send({ type: 'load', id: 0, model: QWEN });
    await h.next('loaded');
    h.send({ type: 'chat', id: 1, messages: [user('q')], options: {} });
    await new Promise((r) => setTimeout(r, 5)); // inside chatCompletion(), before the stream starts
    h.send({ type: 'abort', id: 1 });
    const done = await h.next('done', 1);
    expect(done.result.finishReason).toBe('abort');
    expect(h.tokens(1).length).toBeLessThan(200);
  });
});

describe('WorkerHandler: device lost', () => {
  it('fails the running call with a device-lost diagnosis and refuses later calls until reloaded', async () => {
    const h = harness([{ text: 'c'.repeat(100), chunkSize: 4, delayMs: 2 }, { text: 'after reload' }]);
    h.send({ type: 'load', id: 0, model: QWEN });
    h.send({ type: 'chat', id: 1, messages: [user('q')], options: {} });
    await h.next('token', 1);
    h.handler.deviceLost();
    // web-llm's call may still end normally; the next one must not run on a lost device.
    await h.next('done', 1).catch(() => undefined);
    h.send({ type: 'chat', id: 2, messages: [user('q2')], options: {} });
    expect((await h.next('failed', 2)).error.diagnosis).toEqual({ kind: 'device_lost' });
    h.send({ type: 'load', id: 0, model: QWEN });
    h.send({ type: 'chat', id: 3, messages: [user('q3')], options: {} });
    expect((await h.next('done', 3)).result.text).toBe('after reload');
  });

  it('tells the page when the device is lost between calls', async () => {
    const h = harness();
    h.send({ type: 'load', id: 0, model: QWEN });
    await h.next('loaded');
    h.handler.deviceLost();
    expect(h.posted.some((m) => m.type === 'device_lost')).toBe(true);
  });
});
