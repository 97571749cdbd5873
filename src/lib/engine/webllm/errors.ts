// Errors of the web-llm engine (WebGPU in a worker), each mapped from web-llm's own error names in
// mapError.ts. Messages say what the user can do about the GPU, the download or the model.

import { ClinReviseError } from '../../core/errors';
import { formatCount } from '../../core/units';

/** The browser cannot give the on-device engine a GPU: no WebGPU API, or no adapter. */
export class WebGpuUnavailableError extends ClinReviseError {
  readonly code = 'webgpu_unavailable';
  constructor(readonly reason: 'no_api' | 'no_adapter') {
    super(
      (reason === 'no_api'
        ? 'This browser does not offer WebGPU, which the on-device model needs. '
        : 'This browser offers WebGPU but found no usable GPU (it may be switched off or blocked). ') +
        'Use a recent Chrome or Edge (Windows, macOS, ChromeOS, Android) or Safari 26, or choose another engine in Settings.',
    );
    this.name = 'WebGpuUnavailableError';
  }
}

/** A model stored as 16-bit floats (q4f16, q0f16) on a GPU without the `shader-f16` feature. */
export class ShaderF16UnavailableError extends ClinReviseError {
  readonly code = 'shader_f16_unavailable';
  constructor(readonly model: string, readonly alternative: string | null) {
    super(
      `${model} needs the GPU feature shader-f16, which this browser and GPU do not offer. ` +
        (alternative ? `Choose ${alternative} (32-bit) in Settings instead.` : 'Choose a q4f32 model in Settings instead.'),
    );
    this.name = 'ShaderF16UnavailableError';
  }
}

/** The model download stopped (network lost, server reset). What was downloaded stays cached. */
export class ModelDownloadFailedError extends ClinReviseError {
  readonly code = 'model_download_failed';
  /** Files already downloaded are kept, so trying again continues where it stopped. */
  readonly resumable = true;
  constructor(readonly host: string) {
    super(
      `Downloading the model from ${host} failed (the connection was lost or refused). ` +
        'The files already downloaded are kept in this browser: try again when you are online and it continues where it stopped.',
    );
    this.name = 'ModelDownloadFailedError';
  }
}

/** A model file (weights, config or model library) answered with an HTTP error such as 404. */
export class ModelFilesNotFoundError extends ClinReviseError {
  readonly code = 'model_files_not_found';
  constructor(readonly url: string, readonly status: number) {
    super(
      `The model file ${url} could not be downloaded (HTTP ${status}). ` +
        'Check the model URL and model-library URL in Settings; a self-hosted model must be served under <model URL>/resolve/main/.',
    );
    this.name = 'ModelFilesNotFoundError';
  }
}

/** The model library (.wasm) is not one this version of the on-device engine can run. */
export class ModelLibraryInvalidError extends ClinReviseError {
  readonly code = 'model_library_invalid';
  constructor(readonly url: string) {
    super(
      `The model library ${url} is not a WebGPU model library this app can run (it must be compiled by MLC-LLM for web-llm 0.2.86). ` +
        'Check the model-library URL in Settings.',
    );
    this.name = 'ModelLibraryInvalidError';
  }
}

/** The GPU was lost (driver reset, another app took it, or memory ran out) while the model was running. */
export class GpuDeviceLostError extends ClinReviseError {
  readonly code = 'gpu_device_lost';
  constructor() {
    super(
      'The GPU stopped responding while the model was working (device lost). The model was reloaded and the run is saved: ' +
        'press Resume to continue. If it keeps happening, close other GPU-heavy tabs or apps, or choose a smaller model.',
    );
    this.name = 'GpuDeviceLostError';
  }
}

/** The model does not fit the GPU's memory. */
export class GpuOutOfMemoryError extends ClinReviseError {
  readonly code = 'gpu_out_of_memory';
  constructor(readonly model: string, readonly smaller: string | null) {
    super(
      `${model} ran out of GPU memory. ` +
        (smaller ? `Choose a smaller model such as ${smaller} in Settings, ` : 'Choose a smaller model in Settings, ') +
        'lower the context window, or close other tabs and apps that use the GPU.',
    );
    this.name = 'GpuOutOfMemoryError';
  }
}

/** The conversation outgrew the on-device model's context window. */
export class ModelContextFullError extends ClinReviseError {
  readonly code = 'model_context_full';
  constructor(readonly windowTokens: number | null) {
    super(
      `The conversation no longer fits the model's ${windowTokens ? `${formatCount(windowTokens)}-token ` : ''}context window. ` +
        'Raise the context window in Settings (if the GPU has memory for it), lower the number of revision rounds, or ask a shorter question.',
    );
    this.name = 'ModelContextFullError';
  }
}

/** Any other failure reported by the on-device engine, with its own name and words. */
export class OnDeviceEngineError extends ClinReviseError {
  readonly code = 'on_device_engine_error';
  constructor(readonly engineErrorName: string, detail: string) {
    super(`The on-device engine failed (${engineErrorName}${detail ? `: ${detail.slice(0, 240)}` : ''}). Try again, or choose another model in Settings.`);
    this.name = 'OnDeviceEngineError';
  }
}
