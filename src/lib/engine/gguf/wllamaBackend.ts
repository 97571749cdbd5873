// The GGUF engine inside its worker: finds the model's bytes (stored file or URL), checks the header,
// loads it into wllama (llama.cpp in WebAssembly) with progress, verifies the load, and runs chats.
// Facts about wllama 3.13.0 this relies on are noted where they matter.

import {
  Wllama,
  WllamaAbortError,
  WllamaError,
  WllamaRuntimeError,
  type ChatCompletionChunk,
  type ChatCompletionParams,
  type LoadedContextInfo,
  type ResultTimings,
  type WllamaLogger,
} from '@wllama/wllama';
// One wasm serves single- and multi-thread use (wllama ≥ 3.1); Vite emits it as an asset of this worker.
import wasmUrl from '@wllama/wllama/esm/wasm/wllama.wasm?url';
import { abortError, isAbortError, throwIfAborted, causeText } from '../../core/errors';
import { GgufBrowserUnsupportedError, GgufCorruptError, GgufEngineFailedError } from './errors';
import { mapFinishReason } from '../finishReason';
import { ThinkFilter } from '../thinkFilter';
import type { LoadProgress } from '../types';
import type { ChatResult } from '../../core/chat';
import { assertRunnable, splitPartUrls, type GgufModelInfo } from './ggufModel';
import { describeModel, fileSources, urlSources } from './inspect';
import { chooseContextSize, contextMemoryBudget } from './contextChoice';
import { downloadModel, findStoredUrlModel, openStoredModel, removeStoredModel } from './modelStore';
import type { GgufChatRequest, GgufLoadRequest, GgufLoaded } from './protocol';
import { contextOverflow } from './wireErrors';
import { offloadDecision, placementAfterLoad, placementLabel, probeWebGpu, weightsOnGpu } from './gpuProbe';
import type { GgufBackend } from './workerHandler';

/** A Blob that reports how many bytes are read from it. With JSPI, wllama reads model files in slices
 * on demand (there is no load-progress callback for local files), so the slices are the progress. */
class ReadTrackingBlob extends Blob {
  constructor(
    part: Blob,
    private readonly onRead: (bytes: number) => void,
  ) {
    super([part]);
  }

  override slice(start?: number, end?: number, contentType?: string): Blob {
    const piece = super.slice(start, end, contentType);
    this.onRead(piece.size);
    return piece;
  }
}

/**
 * Threads to ask for: one without cross-origin isolation (no SharedArrayBuffer; wllama would fall
 * back silently), else all cores but one, from 2 to 8. wllama's own default, half the cores, is a
 * single thread on a two-core machine.
 */
export function chooseThreads(requested: number, isolated: boolean, cores: number): number {
  if (!isolated) return 1;
  if (requested > 0) return requested;
  return Math.min(8, Math.max(2, cores - 1));
}

/** The context to allocate for this setting (0 = automatic), with this device's memory budget. */
function contextFor(info: GgufModelInfo, setting: number): number {
  const memory = (navigator as Navigator & { deviceMemory?: number }).deviceMemory;
  return chooseContextSize(info, setting, contextMemoryBudget(typeof memory === 'number' ? memory : null)).contextSize;
}

function browserProblem(): string | null {
  const wasm = WebAssembly as unknown as { Suspending?: unknown };
  if (typeof wasm.Suspending !== 'function') return 'it lacks WebAssembly JSPI, which the built-in llama.cpp needs';
  try {
    new WebAssembly.Memory({ initial: 1n, address: 'i64' } as unknown as WebAssembly.MemoryDescriptor);
  } catch {
    return 'it lacks WebAssembly Memory64, which the built-in llama.cpp needs';
  }
  return null;
}


// wllama reports these failures only as text (no error codes), so — unlike anywhere else in the app —
// they are recognised by llama.cpp's own wording (the sampler failure is exercised against the real
// wasm in tests/e2e/ggufEngine.e2e.test.ts); a llama.cpp upgrade must re-check both phrases.

/** llama.cpp's words for a prompt that does not fit, e.g. "request (2020 tokens) exceeds the available context size (1024 tokens)". */
const CONTEXT_OVERFLOW = /\((\d+) tokens\) exceeds the available context size \((\d+) tokens\)/;

/**
 * llama.cpp's words when it cannot build the sampler for a request. With a JSON schema this happens
 * for SentencePiece models that prefix a space (add_space_prefix) under a ChatML-style template: the
 * schema grammar starts with the template's generation prompt, which then tokenizes differently.
 */
const SAMPLER_FAILURE = /Failed to initialize samplers/;

/** Log lines that say why a model failed to load, most specific first. */
const LOAD_FAILURE_LINES = [/gguf_init_from_\w+: (.*)/, /(tensor '.*' data is not within the file bounds.*)/, /llama_model_load: error loading model: (.*)/, /(failed to load model.*)/];

export class WllamaBackend implements GgufBackend {
  #wllama: Wllama | null = null;
  #lastLoad: { request: GgufLoadRequest; files: File[]; loaded: GgufLoaded } | null = null;
  #crashed = false;
  /** Set when this model's template breaks schema grammars; later calls rely on parsing alone. */
  #schemaUnusable = false;
  /**
   * llama.cpp's log since the last load began: the only place a failed load explains itself, and
   * where it says which buffers (CPU or GPU) hold the model.
   */
  #log: string[] = [];

  readonly #logger: WllamaLogger = {
    debug: (...args: unknown[]) => this.#remember(args),
    log: (...args: unknown[]) => this.#remember(args),
    warn: (...args: unknown[]) => this.#remember(args),
    error: (...args: unknown[]) => this.#remember(args),
  };

  #remember(args: unknown[]): void {
    this.#log.push(args.map((a) => (a instanceof Error ? a.message : typeof a === 'string' ? a : JSON.stringify(a))).join(' ').slice(0, 500));
    if (this.#log.length > 500) this.#log.shift();
  }

  /** A fresh instance. setCompat(null): otherwise, on browsers without JSPI, wllama fetches a compat build from a CDN. */
  #fresh(): Wllama {
    const wllama = new Wllama({ default: wasmUrl }, { logger: this.#logger });
    wllama.setCompat(null);
    this.#wllama = wllama;
    return wllama;
  }

  async load(request: GgufLoadRequest, control: { signal: AbortSignal; onProgress: (p: LoadProgress) => void }): Promise<GgufLoaded> {
    const { signal, onProgress } = control;
    await this.unload();
    const problem = browserProblem();
    if (problem) throw new GgufBrowserUnsupportedError(problem);

    const { files, downloadedId } = await this.#modelFiles(request, control);
    let info;
    try {
      onProgress({ phase: 'load', fraction: 0, loadedBytes: 0, totalBytes: null, text: 'Checking the model file' });
      info = await describeModel(fileSources(files), signal);
    } catch (err) {
      // A URL's bad download must not stay stored as if it were the model.
      if (downloadedId && !isAbortError(err)) await removeStoredModel(downloadedId).catch(() => {});
      throw err;
    }
    // An automatic setting (0) becomes the trained context within the memory budget.
    const sized = { ...request, contextSize: contextFor(info, request.contextSize) };
    const estimate = assertRunnable(info, sized.contextSize);
    const loaded = await this.#loadFiles(files, info.fileName, sized, signal, onProgress);
    const result: GgufLoaded = { ...loaded, info, estimate, label: `${info.fileName} · ${info.quantization} · llama.cpp in this browser (${placementLabel(loaded.placement)})` };
    this.#lastLoad = { request: sized, files, loaded: result };
    return result;
  }

  /**
   * The model's files: a stored model, or a URL's stored copy. A URL not stored yet has its header
   * checked over HTTP first (so a model that cannot run here is refused before gigabytes are
   * downloaded), then is downloaded into browser storage.
   */
  async #modelFiles(
    request: GgufLoadRequest,
    { signal, onProgress }: { signal: AbortSignal; onProgress: (p: LoadProgress) => void },
  ): Promise<{ files: File[]; downloadedId: string | null }> {
    const source = request.source;
    if (source.type === 'stored') return { files: (await openStoredModel(source.modelId, source.name)).files, downloadedId: null };
    const urls = splitPartUrls(source.url);
    let stored = await findStoredUrlModel(urls);
    if (stored) {
      onProgress({ phase: 'cache', fraction: 1, loadedBytes: stored.totalBytes, totalBytes: stored.totalBytes, text: '' });
    } else {
      onProgress({ phase: 'download', fraction: 0, loadedBytes: 0, totalBytes: null, text: 'Checking the model header' });
      const info = await describeModel(await urlSources(urls, signal), signal);
      assertRunnable(info, contextFor(info, request.contextSize));
      stored = await downloadModel(urls, {
        signal,
        onProgress: (loadedBytes, totalBytes) =>
          onProgress({ phase: 'download', fraction: totalBytes ? loadedBytes / totalBytes : null, loadedBytes, totalBytes, text: '' }),
      });
    }
    throwIfAborted(signal);
    return { files: (await openStoredModel(stored.id, stored.name)).files, downloadedId: stored.id };
  }

  async #loadFiles(
    files: File[],
    fileName: string,
    request: GgufLoadRequest,
    signal: AbortSignal,
    onProgress: (p: LoadProgress) => void,
  ): Promise<Omit<GgufLoaded, 'info' | 'estimate' | 'label'>> {
    const totalBytes = files.reduce((sum, f) => sum + f.size, 0);
    let readBytes = 0;
    const tracked = files.map(
      (f) =>
        new ReadTrackingBlob(f, (bytes) => {
          readBytes = Math.min(totalBytes, readBytes + bytes);
          onProgress({ phase: 'load', fraction: readBytes / totalBytes, loadedBytes: readBytes, totalBytes, text: '' });
        }),
    );
    const threads = chooseThreads(request.threads, self.crossOriginIsolated, navigator.hardwareConcurrency || 1);
    // Probed before every load: offloading to an adapter llama.cpp cannot use would fail the load.
    const decision = offloadDecision(request.useGpu, request.useGpu ? await probeWebGpu() : { probe: null, reason: null });
    this.#log = [];
    const wllama = this.#fresh();
    // loadModel has no abort: exit() terminates wllama's worker, which makes the pending load fail.
    const onAbort = () => void wllama.exit();
    signal.addEventListener('abort', onAbort, { once: true });
    try {
      // wllama's other defaults suit the pipeline: four request slots share one unified KV cache, so
      // the rubric conversation and the answer thread each keep their prefix cached between calls.
      await wllama.loadModel(tracked, {
        n_ctx: request.contextSize,
        n_threads: threads,
        // 0 skips WebGPU entirely (wllama hides the adapter); a large number offloads every layer.
        n_gpu_layers: decision.offload ? 999 : 0,
      });
    } catch (err) {
      this.#wllama = null;
      if (signal.aborted) throw abortError();
      await wllama.exit().catch(() => {});
      if (err instanceof WllamaError && err.type === 'load_error') throw new GgufCorruptError(fileName, err.message);
      throw new GgufEngineFailedError(causeText(err));
    } finally {
      signal.removeEventListener('abort', onAbort);
    }
    if (signal.aborted) {
      await this.#release();
      throw abortError();
    }
    // A damaged file does not make loadModel throw: the context reports success:false and n_vocab 0,
    // and the next call would crash the wasm. Check, explain from the log, and start clean next time.
    const context = wllama.getLoadedContextInfo() as LoadedContextInfo & { success?: boolean };
    if (context.success === false || !(context.n_vocab > 0)) {
      const detail = this.#loadFailureDetail();
      await this.#release();
      throw new GgufCorruptError(fileName, detail);
    }
    this.#crashed = false;
    this.#schemaUnusable = false;
    return {
      // llama.cpp's server caps each request at the trained context, whatever was allocated.
      contextSize: context.n_ctx_train > 0 ? Math.min(context.n_ctx, context.n_ctx_train) : context.n_ctx,
      threads: wllama.getNumThreads(),
      multithreaded: wllama.isMultithread(),
      placement: placementAfterLoad(decision, weightsOnGpu(this.#log), wllama.getNumThreads()),
    };
  }

  #loadFailureDetail(): string {
    for (const pattern of LOAD_FAILURE_LINES) {
      for (const line of this.#log) {
        const m = pattern.exec(line);
        if (m?.[1]) return `llama.cpp: ${m[1].trim().slice(0, 200)}`;
      }
    }
    return 'llama.cpp could not load it';
  }

  /** The loaded instance; after a crash, the same model is loaded again first. */
  async #ready(signal: AbortSignal): Promise<Wllama> {
    if (this.#wllama && !this.#crashed) return this.#wllama;
    const last = this.#lastLoad;
    if (!last) throw new GgufEngineFailedError('no model is loaded');
    await this.#release();
    await this.#loadFiles(last.files, last.loaded.info.fileName, last.request, signal, () => {});
    return this.#wllama!;
  }

  async chat(request: GgufChatRequest, control: { signal: AbortSignal; onToken: (text: string) => void }): Promise<ChatResult> {
    const wllama = await this.#ready(control.signal);
    const useSchema = Boolean(request.schema) && !this.#schemaUnusable;
    try {
      return await this.#complete(wllama, request, useSchema, control);
    } catch (err) {
      // Like a server that rejects response_format: ask again without it; the reply is parsed defensively.
      if (useSchema && !control.signal.aborted && err instanceof WllamaError && SAMPLER_FAILURE.test(err.message)) {
        this.#schemaUnusable = true;
        try {
          return await this.#complete(wllama, request, false, control);
        } catch (retryErr) {
          throw this.#chatFailure(retryErr, control.signal);
        }
      }
      throw this.#chatFailure(err, control.signal);
    }
  }

  async #complete(
    wllama: Wllama,
    request: GgufChatRequest,
    useSchema: boolean,
    { signal, onToken }: { signal: AbortSignal; onToken: (text: string) => void },
  ): Promise<ChatResult> {
    const filter = new ThinkFilter();
    let text = '';
    let finish: string | null | undefined;
    let timings: ResultTimings | undefined;
    const emit = (piece: string) => {
      if (!piece) return;
      text += piece;
      onToken(piece);
    };
    const params: ChatCompletionParams & { stream: true; onData: (chunk: ChatCompletionChunk) => void } = {
      messages: request.messages,
      stream: true,
      abortSignal: signal,
      cache_prompt: true,
      onData: (chunk) => {
        const choice = chunk.choices[0];
        if (choice?.delta.content) emit(filter.push(choice.delta.content));
        if (choice?.finish_reason) finish = choice.finish_reason;
        if (chunk.timings) timings = chunk.timings;
      },
    };
    if (request.maxTokens) params.max_tokens = request.maxTokens;
    if (request.temperature !== undefined) params.temperature = request.temperature;
    // llama.cpp turns the JSON schema into a grammar inside the wasm, so the reply always parses.
    if (useSchema && request.schema) {
      params.response_format = { type: 'json_schema', json_schema: { name: request.schema.name, schema: request.schema.schema, strict: true } };
    }
    // Qwen3-style templates read this to skip thinking.
    if (request.thinking === false) params.chat_template_kwargs = { enable_thinking: false };
    await wllama.createChatCompletion(params);
    emit(filter.flush());
    return {
      text: text.trim(),
      finishReason: mapFinishReason(finish),
      usage: {
        promptTokens: timings ? timings.prompt_n + timings.cache_n : null,
        completionTokens: timings?.predicted_n ?? null,
        cachedPromptTokens: timings?.cache_n,
        prefillTokensPerSecond: timings && timings.prompt_n > 0 ? timings.prompt_per_second : undefined,
        decodeTokensPerSecond: timings && timings.predicted_n > 0 ? timings.predicted_per_second : undefined,
      },
    };
  }

  /** wllama's errors as ours. Its WllamaError.name is 'Error', so tell them apart by class and type. */
  #chatFailure(err: unknown, signal: AbortSignal): unknown {
    if (err instanceof WllamaAbortError || signal.aborted || isAbortError(err)) return abortError();
    if (err instanceof WllamaRuntimeError) {
      this.#crashed = true;
      return new GgufEngineFailedError(`llama.cpp stopped: ${err.message || 'a WebAssembly runtime error'}`);
    }
    if (err instanceof WllamaError) {
      const overflow = CONTEXT_OVERFLOW.exec(err.message);
      if (overflow) return contextOverflow(Number(overflow[1]), Number(overflow[2]));
      return new GgufEngineFailedError(err.message);
    }
    return new GgufEngineFailedError(causeText(err));
  }

  /** Frees the model and forgets it (no reload after a crash). */
  async unload(): Promise<void> {
    this.#lastLoad = null;
    await this.#release();
  }

  /** Frees the wasm instance (its worker and memory); exit() does not throw when nothing is loaded. */
  async #release(): Promise<void> {
    const wllama = this.#wllama;
    this.#wllama = null;
    await wllama?.exit().catch(() => {});
  }
}
