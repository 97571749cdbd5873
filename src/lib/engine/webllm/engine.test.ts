import { describe, expect, it } from 'vitest';
import { FakeWebLlm, InProcessWorker, type ScriptedReply } from '../../../../tests/support/fakeWebLlm';
import { isAbortError } from '../../core/errors';
import { StorageQuotaExceededError } from '../errors';
import { GpuDeviceLostError, ModelFilesNotFoundError, ShaderF16UnavailableError, WebGpuUnavailableError } from './errors';
import { DEFAULT_WEBLLM_SETTINGS, type WebLlmEngineSettings } from './settings';
import type { LoadProgress } from '../types';
import type { GpuProbe } from './capability';
import type { PageToWorker } from './protocol';
import type { WebLlmDeps } from './browserDeps';
import { WebLlmEngine } from './engine';

const F32 = { ...DEFAULT_WEBLLM_SETTINGS, catalogId: 'Qwen3-4B-q4f32_1-MLC' };
const gpu = (shaderF16: boolean): GpuProbe => ({
  api: true,
  deviceMemoryGB: 16,
  failure: null,
  adapter: { vendor: 'v', architecture: 'a', device: '', description: '', isFallback: false, shaderF16, maxBufferSize: 2 ** 30, maxStorageBufferBindingSize: 2 ** 30 },
});

interface World {
  deps: WebLlmDeps;
  /** Every worker spawned, newest last. */
  workers: InProcessWorker[];
  /** The fake web-llm engine of each worker. */
  engines: FakeWebLlm[];
  sent: PageToWorker[];
}

function world(options: { probe?: GpuProbe; replies?: ScriptedReply[][]; loadFails?: Error; hangLoad?: boolean; estimate?: { usage: number; quota: number } | null; cachedBytes?: number } = {}): World {
  const workers: InProcessWorker[] = [];
  const engines: FakeWebLlm[] = [];
  const sent: PageToWorker[] = [];
  const deps: WebLlmDeps = {
    probe: async () => options.probe ?? gpu(false),
    estimate: async () => (options.estimate === undefined ? { usage: 0, quota: 100e9 } : options.estimate),
    cachedBytes: async () => options.cachedBytes ?? 0,
    spawn: () => {
      const engine = new FakeWebLlm(options.replies?.[engines.length] ?? []);
      engines.push(engine);
      const worker = new InProcessWorker(
        (post) => ({
          post,
          isCached: async () => false,
          async loadEngine(_model, onReport) {
            onReport({ progress: 0.25, timeElapsed: 1, text: 'Fetching param cache[1/4]: 10MB fetched.' });
            if (options.hangLoad) await new Promise(() => undefined);
            if (options.loadFails) throw options.loadFails;
            return engine;
          },
          diagnose: async () => (options.loadFails ? { kind: 'http', url: 'http://127.0.0.1:9/m/resolve/main/mlc-chat-config.json', status: 404 } : undefined),
        }),
        sent,
      );
      workers.push(worker);
      return worker;
    },
  };
  return { deps, workers, engines, sent };
}

const load = (w: World, settings: WebLlmEngineSettings = F32, extra: { signal?: AbortSignal; onProgress?: (p: LoadProgress) => void } = {}) =>
  WebLlmEngine.create(settings, extra, w.deps);

describe('WebLlmEngine.create: checks before any download', () => {
  it('refuses without WebGPU, spawning no worker', async () => {
    const w = world({ probe: { api: false, adapter: null, deviceMemoryGB: null, failure: null } });
    await expect(load(w)).rejects.toBeInstanceOf(WebGpuUnavailableError);
    expect(w.workers).toHaveLength(0);
  });

  it('refuses a q4f16 model on a GPU without shader-f16 and names the q4f32 alternative', async () => {
    const w = world({ probe: gpu(false) });
    const err = await load(w, DEFAULT_WEBLLM_SETTINGS).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ShaderF16UnavailableError);
    expect((err as Error).message).toMatch(/Qwen3 4B \(q4f32\)/);
    expect(w.workers).toHaveLength(0);
  });

  it('refuses when storage cannot hold what is left to download, saying how much', async () => {
    const w = world({ estimate: { usage: 9e9, quota: 10e9 }, cachedBytes: 0.5e9 });
    const err = await load(w).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StorageQuotaExceededError);
    expect(err).toMatchObject({ neededBytes: 2_012_500_000, availableBytes: 1e9 });
    expect(w.workers).toHaveLength(0);
  });

  it('forwards progress and resolves once the worker has the model', async () => {
    const w = world();
    const progress: LoadProgress[] = [];
    const engine = await load(w, F32, { onProgress: (p) => progress.push(p) });
    expect(progress[0]).toMatchObject({ phase: 'download', fraction: 0.25 });
    expect(engine.contextWindow).toBe(8192);
    expect(w.sent[0]).toMatchObject({ type: 'load', model: { modelId: 'Qwen3-4B-q4f32_1-MLC', prebuiltId: 'Qwen3-4B-q4f32_1-MLC', contextWindow: 8192 } });
  });

  it('turns a failed download into our clear error and stops the worker', async () => {
    const w = world({ loadFails: new TypeError('Failed to fetch') });
    await expect(load(w)).rejects.toBeInstanceOf(ModelFilesNotFoundError);
    expect(w.workers[0]!.terminated).toBe(true);
  });

  it('Cancel during the download rejects with an AbortError and terminates the worker', async () => {
    const w = world({ hangLoad: true });
    const controller = new AbortController();
    const pending = load(w, F32, { signal: controller.signal, onProgress: () => controller.abort() });
    const err = await pending.catch((e: unknown) => e);
    expect(isAbortError(err)).toBe(true);
    expect(w.workers[0]!.terminated).toBe(true);
  });
});

describe('WebLlmEngine.chat', () => {
  it('streams tokens and returns the visible reply with usage', async () => {
    const w = world({ replies: [[{ text: 'Hello there.', chunkSize: 3 }]] });
    const engine = await load(w);
    const tokens: string[] = [];
    const result = await engine.chat([{ role: 'user', content: 'hi' }], { thinking: false, onToken: (t) => tokens.push(t) });
    expect(result.text).toBe('Hello there.');
    expect(tokens.join('')).toBe('Hello there.');
    expect(result.usage.decodeTokensPerSecond).toBe(20);
  });

  it('a Stop pressed before the call never reaches the worker', async () => {
    const w = world();
    const engine = await load(w);
    const controller = new AbortController();
    controller.abort();
    await expect(engine.chat([{ role: 'user', content: 'q' }], { signal: controller.signal })).rejects.toSatisfy(isAbortError);
    expect(w.sent.filter((m) => m.type === 'chat')).toHaveLength(0);
  });

  it('Stop mid-answer rejects at once and interrupts that call in the worker', async () => {
    const w = world({ replies: [[{ text: 'x'.repeat(300), chunkSize: 3, delayMs: 2 }, { text: 'next call is fine' }]] });
    const engine = await load(w);
    const controller = new AbortController();
    const call = engine.chat([{ role: 'user', content: 'q' }], { signal: controller.signal, onToken: () => controller.abort() });
    await expect(call).rejects.toSatisfy(isAbortError);
    const chat = w.sent.find((m) => m.type === 'chat');
    expect(w.sent.at(-1)).toEqual({ type: 'abort', id: chat?.id });
    const next = await engine.chat([{ role: 'user', content: 'q2' }]);
    expect(next.text).toBe('next call is fine');
    expect(w.engines[0]!.interruptCalls).toBeGreaterThan(0);
  });

  it('reloads the model after the device is lost and answers the call on the reloaded model', async () => {
    const w = world({ replies: [[{ text: 'never seen' }], [{ text: 'answered after reload' }]] });
    const engine = await load(w);
    w.engines[0]!.startDelayMs = 50; // the call is still prefilling when the GPU goes
    const call = engine.chat([{ role: 'user', content: 'q' }]);
    await new Promise((r) => setTimeout(r, 5));
    // A lost GPU ends the worker's call; the page sees the worker fail before any text arrived.
    w.workers[0]!.crash();
    expect((await call).text).toBe('answered after reload');
    expect(w.workers).toHaveLength(2);
    expect(w.workers[0]!.terminated).toBe(true);
  });

  it('after text was already shown, a lost device reloads the model and asks the user to resume', async () => {
    const w = world({ replies: [[{ text: 'partial text that keeps going', chunkSize: 2, delayMs: 20 }], [{ text: 'later' }]] });
    const engine = await load(w);
    let crashed = false;
    const call = engine.chat([{ role: 'user', content: 'q' }], {
      onToken: () => {
        if (!crashed) {
          crashed = true;
          w.workers[0]!.crash();
        }
      },
    });
    const err = await call.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GpuDeviceLostError);
    expect((err as Error).message).toMatch(/Resume/);
    expect((await engine.chat([{ role: 'user', content: 'again' }])).text).toBe('later');
  });

  it('a device lost between calls makes the next call reload first', async () => {
    const w = world({ replies: [[{ text: 'one' }], [{ text: 'two' }]] });
    const engine = await load(w);
    expect((await engine.chat([{ role: 'user', content: 'a' }])).text).toBe('one');
    w.workers[0]!.handler.deviceLost();
    await new Promise((r) => setTimeout(r, 5));
    expect((await engine.chat([{ role: 'user', content: 'b' }])).text).toBe('two');
    expect(w.workers).toHaveLength(2);
  });

  it('dispose stops the worker', async () => {
    const w = world();
    const engine = await load(w);
    await engine.dispose();
    expect(w.workers[0]!.terminated).toBe(true);
  });
});
