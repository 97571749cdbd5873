// The one place web-llm failures become the app's named errors: by error name (web-llm does not
// export its classes, and a worker engine sends "Name: message" strings) and by what the worker
// found when it checked the model's files — never by reading message text.

import { abortError } from '../../core/errors';
import { StorageQuotaExceededError } from '../errors';
import { GpuDeviceLostError, GpuOutOfMemoryError, ModelContextFullError, ModelDownloadFailedError, ModelFilesNotFoundError, ModelLibraryInvalidError, OnDeviceEngineError, ShaderF16UnavailableError, WebGpuUnavailableError } from './errors';
import { f32Alternative, smallerModels } from './catalog';
import type { ResolvedModel } from './modelSpec';
import type { WireError } from './protocol';
import { asWireError } from './wireErrors';

export interface ErrorContext {
  /** Loading the model, or answering a chat call. */
  phase: 'load' | 'chat';
  model: ResolvedModel;
  /** Free storage for this site when known (for quota errors). */
  availableBytes?: number | null;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** A smaller catalog model to suggest when this one does not fit. */
function smallerSuggestion(model: ResolvedModel): string | null {
  const candidates = model.catalog ? smallerModels(model.catalog) : [];
  return candidates[0]?.label ?? null;
}

/** Maps anything the worker or web-llm reported into one of the app's errors. */
export function mapWebLlmError(reported: WireError | unknown, context: ErrorContext): Error {
  const error = asWireError(reported);
  const { model } = context;
  const diagnosis = error.diagnosis;
  if (diagnosis?.kind === 'device_lost') {
    return context.phase === 'load' ? new GpuOutOfMemoryError(model.label, smallerSuggestion(model)) : new GpuDeviceLostError();
  }
  if (diagnosis?.kind === 'http') return new ModelFilesNotFoundError(diagnosis.url, diagnosis.status);
  if (diagnosis?.kind === 'network') return new ModelDownloadFailedError(hostOf(diagnosis.url));

  switch (error.name) {
    case 'AbortError':
      return abortError();
    case 'QuotaExceededError':
      return new StorageQuotaExceededError(model.downloadBytes, context.availableBytes ?? null);
    case 'WebGPUNotAvailableError':
    case 'WebGPUNotFoundError':
      return new WebGpuUnavailableError('no_adapter');
    case 'ShaderF16SupportError':
    case 'FeatureSupportError':
      return new ShaderF16UnavailableError(model.label, model.catalog ? (f32Alternative(model.catalog)?.label ?? null) : null);
    case 'DeviceLostError':
      // web-llm: "mostly due to OOM" when it happens while loading.
      return context.phase === 'load' ? new GpuOutOfMemoryError(model.label, smallerSuggestion(model)) : new GpuDeviceLostError();
    case 'GPUOutOfMemoryError':
      return new GpuOutOfMemoryError(model.label, smallerSuggestion(model));
    case 'CompileError':
    case 'LinkError':
    case 'MissingModelWasmError':
      return new ModelLibraryInvalidError(model.worker.modelLibUrl ?? `web-llm's library for ${model.label}`);
    case 'ContextWindowSizeExceededError':
      return new ModelContextFullError(model.worker.contextWindow);
    case 'TypeError':
      // A failed fetch inside web-llm's cache (the worker could not reach the files to tell more).
      if (context.phase === 'load') return new ModelDownloadFailedError(model.modelUrl ? hostOf(model.modelUrl) : 'the model host');
      return new OnDeviceEngineError(error.name, error.message);
    default:
      return new OnDeviceEngineError(error.name, error.message);
  }
}
