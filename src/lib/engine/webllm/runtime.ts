// The worker's bridge to @mlc-ai/web-llm (imported only here and only inside the worker): builds the
// model record from web-llm's own prebuilt list or the user's URLs, loads it, watches the GPU device,
// and finds out by fetching why a download failed. Browser-only; exercised in the Chromium tests.

import { MLCEngine, hasModelInCache, prebuiltAppConfig, type AppConfig, type ModelRecord } from '@mlc-ai/web-llm';
import type { EngineLike, WorkerRuntime } from './workerHandler';
import { modelFilesBase, type WorkerModelSpec } from './modelSpec';
import type { FailureDiagnosis, WireError, WorkerToPage } from './protocol';

/** web-llm's Cache API scope for weights and tokenizer (0.2.86). */
const MODEL_CACHE = 'webllm/model';

function prebuiltRecord(id: string): ModelRecord {
  const record = prebuiltAppConfig.model_list.find((r) => r.model_id === id);
  if (!record) throw Object.assign(new Error(`web-llm 0.2.86 has no prebuilt model "${id}".`), { name: 'ModelNotFoundError' });
  return record;
}

/** The single-model app config web-llm loads from. */
export function appConfigFor(model: WorkerModelSpec): AppConfig {
  const base = model.prebuiltId ? prebuiltRecord(model.prebuiltId) : undefined;
  const libSource = model.libraryFromPrebuiltId ? prebuiltRecord(model.libraryFromPrebuiltId) : base;
  const record: ModelRecord = {
    model_id: model.modelId,
    model: model.modelUrl ?? base?.model ?? '',
    model_lib: model.modelLibUrl ?? libSource?.model_lib ?? '',
    overrides: { ...base?.overrides, ...libSource?.overrides, context_window_size: model.contextWindow },
    // web-llm's q4f16 records leave this out; declaring it makes web-llm refuse as well.
    required_features: model.requiresShaderF16 ? ['shader-f16'] : undefined,
    vram_required_MB: base?.vram_required_MB,
  };
  return { model_list: [record] };
}

/** The files a load fetches first, in order, for diagnosing a failure. */
function filesToCheck(config: AppConfig): string[] {
  const record = config.model_list[0]!;
  const base = modelFilesBase(record.model);
  return [`${base}mlc-chat-config.json`, record.model_lib, `${base}tensor-cache.json`, `${base}tokenizer.json`];
}

/** Fetches each file's headers to tell "not found" from "offline". */
async function diagnoseFiles(urls: string[]): Promise<FailureDiagnosis | undefined> {
  for (const url of urls) {
    let response: Response;
    try {
      response = await fetch(url, { method: 'HEAD', cache: 'no-store', signal: AbortSignal.timeout(10_000) });
    } catch {
      return { kind: 'network', url };
    }
    if (!response.ok) return { kind: 'http', url, status: response.status };
    // A host that answers every path with the app's page (single-page-app fallback) has not got the file.
    if ((response.headers.get('content-type') ?? '').includes('text/html')) return { kind: 'http', url, status: 404 };
  }
  return undefined;
}

/** Sum of the weight shards' sizes, read from the manifest web-llm has just cached. */
async function cachedWeightsBytes(config: AppConfig): Promise<number | null> {
  const manifest = await (await caches.open(MODEL_CACHE)).match(`${modelFilesBase(config.model_list[0]!.model)}tensor-cache.json`);
  if (!manifest) return null;
  const parsed = (await manifest.json()) as { records?: { nbytes?: number }[] };
  return parsed.records?.reduce((sum, r) => sum + (r.nbytes ?? 0), 0) ?? null;
}

/**
 * Wraps WebGPU's adapter/device requests so the worker learns when web-llm's device is lost
 * (web-llm only logs it). A device destroyed on purpose (unload) is not a loss.
 */
export function watchDeviceLoss(gpu: GPU | undefined, onLost: () => void): void {
  if (!gpu) return;
  const requestAdapter = gpu.requestAdapter.bind(gpu);
  gpu.requestAdapter = async (options?: GPURequestAdapterOptions) => {
    const adapter = await requestAdapter(options);
    if (adapter) {
      const requestDevice = adapter.requestDevice.bind(adapter);
      adapter.requestDevice = async (descriptor?: GPUDeviceDescriptor) => {
        const device = await requestDevice(descriptor);
        void device.lost.then((info) => {
          if (info.reason !== 'destroyed') onLost();
        });
        return device;
      };
    }
    return adapter;
  };
}

/** The runtime the worker entry hands to WorkerHandler. */
export function webLlmRuntime(post: (message: WorkerToPage) => void): WorkerRuntime {
  return {
    post,
    async isCached(model) {
      return hasModelInCache(model.modelId, appConfigFor(model));
    },
    async loadEngine(model, onReport, onWeightsSize) {
      const appConfig = appConfigFor(model);
      let sized = false;
      const engine = new MLCEngine({
        appConfig,
        logLevel: 'WARN',
        initProgressCallback: (report) => {
          if (!sized) {
            sized = true;
            void cachedWeightsBytes(appConfig).then(
              (bytes) => (bytes !== null ? onWeightsSize(bytes) : (sized = false)),
              () => (sized = false),
            );
          }
          onReport(report);
        },
      });
      await engine.reload(model.modelId, { context_window_size: model.contextWindow });
      const loaded: EngineLike = {
        chatCompletion: (request) => engine.chatCompletion(request),
        interruptGenerate: () => engine.interruptGenerate(),
        getMessage: () => engine.getMessage(),
        unload: () => engine.unload(),
      };
      return loaded;
    },
    async diagnose(model, error: WireError) {
      // Only failures that can come from fetching are worth a look at the files.
      if (!['TypeError', 'SyntaxError', 'NetworkError', 'Error'].includes(error.name)) return undefined;
      let config: AppConfig;
      try {
        config = appConfigFor(model);
      } catch {
        return undefined;
      }
      return diagnoseFiles(filesToCheck(config));
    },
  };
}
