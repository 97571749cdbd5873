// Named errors whose messages tell the user what happened and what to do.
// Every layer throws these; the UI and CLI turn any error into text through `describeError` only.

import type { StepName } from './types';
import { formatBytes } from './units';

/** Base class: a stable `code` for storage and tests, a message worded for the user. */
export abstract class ClinReviseError extends Error {
  abstract readonly code: string;
}

/** The question is empty or whitespace. */
export class EmptyQuestionError extends ClinReviseError {
  readonly code = 'empty_question';
  constructor() {
    super('Type a question first.');
    this.name = 'EmptyQuestionError';
  }
}

/** No engine is configured, or its settings are incomplete. */
export class EngineNotConfiguredError extends ClinReviseError {
  readonly code = 'engine_not_configured';
  constructor(detail: string) {
    super(`The model engine is not set up: ${detail} Open Settings to choose one.`);
    this.name = 'EngineNotConfiguredError';
  }
}

/** The server could not be reached at all (connection refused, DNS, CORS, offline). */
export class ServerUnreachableError extends ClinReviseError {
  readonly code = 'server_unreachable';
  constructor(readonly server: string, detail?: string) {
    super(
      `Could not reach the model server at ${server}${detail ? ` (${detail})` : ''}. ` +
        'Check that it is running, that the URL is right, and that it allows requests from this page (CORS).',
    );
    this.name = 'ServerUnreachableError';
  }
}

/** The server answered with a non-2xx status. */
export class ServerHttpError extends ClinReviseError {
  readonly code = 'server_http_error';
  constructor(readonly server: string, readonly status: number, detail: string) {
    const hint =
      status === 401 || status === 403
        ? 'Check the API key in Settings.'
        : status === 404
          ? 'Check the server URL (it usually ends in /v1) and the model name.'
          : status >= 500
            ? 'The server failed; its log will say why.'
            : 'The server rejected the request.';
    super(`The model server at ${server} answered HTTP ${status}${detail ? `: ${detail}` : ''}. ${hint}`);
    this.name = 'ServerHttpError';
  }
}

/** The server did not answer, or stopped streaming, within the time limit. */
export class ServerTimeoutError extends ClinReviseError {
  readonly code = 'server_timeout';
  constructor(readonly server: string, readonly seconds: number) {
    super(
      `The model server at ${server} sent nothing for ${seconds} s. ` +
        'It may be overloaded or the model too slow; try again or raise the timeout in Settings.',
    );
    this.name = 'ServerTimeoutError';
  }
}

/** The server's reply was not a valid OpenAI-compatible (streamed) response. */
export class MalformedResponseError extends ClinReviseError {
  readonly code = 'malformed_response';
  constructor(readonly server: string, detail: string) {
    super(`The model server at ${server} sent a reply this app cannot read (${detail}). Is it OpenAI-compatible?`);
    this.name = 'MalformedResponseError';
  }
}

/** The model's structured reply was still unusable after one repair attempt. */
export class StructuredOutputError extends ClinReviseError {
  readonly code = 'invalid_structured_output';
  constructor(readonly what: string, readonly problems: string[]) {
    super(
      `The model did not produce a usable ${what} (${problems.slice(0, 3).join('; ')}). ` +
        'Try again, or choose a larger model.',
    );
    this.name = 'StructuredOutputError';
  }
}

/** The model returned nothing usable where an answer was expected. */
export class EmptyAnswerError extends ClinReviseError {
  readonly code = 'empty_answer';
  constructor() {
    super('The model returned an empty answer. Try again, or choose another model.');
    this.name = 'EmptyAnswerError';
  }
}

/** The model stopped at its token limit, so the reply is incomplete. */
export class TruncatedOutputError extends ClinReviseError {
  readonly code = 'truncated_output';
  constructor(readonly what: string, readonly maxTokens: number) {
    super(
      `The model's ${what} was cut off at its ${maxTokens}-token limit. ` +
        'Try a shorter question or a model with a larger context window.',
    );
    this.name = 'TruncatedOutputError';
  }
}

/** The question (with the material each step needs) does not fit the model's context window. */
export class ContextBudgetError extends ClinReviseError {
  readonly code = 'context_budget';
  constructor(readonly neededTokens: number, readonly windowTokens: number, what = 'The question') {
    super(
      `${what} needs about ${neededTokens} tokens but the model's context window holds ${windowTokens}. ` +
        'Shorten it, or pick a model with a larger context window.',
    );
    this.name = 'ContextBudgetError';
  }
}


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

/** The browser refused to store more: the model does not fit the storage this site may use. */
export class StorageQuotaExceededError extends ClinReviseError {
  readonly code = 'storage_quota_exceeded';
  constructor(readonly neededBytes: number | null, readonly availableBytes: number | null) {
    const need = neededBytes !== null ? `The model needs about ${formatBytes(neededBytes)} of storage` : 'The model does not fit the storage';
    const have = availableBytes !== null ? ` and this browser lets the app use about ${formatBytes(Math.max(0, availableBytes))} more. ` : ' this browser lets the app use. ';
    super(
      need + have +
        'Free space by deleting models you no longer need (Settings → Model storage), clearing other sites’ data, or freeing disk space; or choose a smaller model.',
    );
    this.name = 'StorageQuotaExceededError';
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
      `The conversation no longer fits the model's ${windowTokens ?? ''}${windowTokens ? '-token ' : ''}context window. ` +
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

/** A pipeline step failed; wraps the cause and names the step. */
export class StepFailedError extends ClinReviseError {
  readonly code: string;
  constructor(readonly step: StepName, override readonly cause: unknown) {
    super(`${STEP_LABELS[step]} failed: ${describeError(cause)}`);
    this.name = 'StepFailedError';
    this.code = cause instanceof ClinReviseError ? cause.code : 'unexpected';
  }
}

/** How each step is named to the user. */
export const STEP_LABELS: Record<StepName, string> = {
  classify: 'Classifying the question',
  select_principles: 'Selecting principles',
  rubric: 'Writing the rubric',
  draft: 'Drafting the answer',
  grade: 'Grading the answer',
  revise: 'Revising the answer',
};

/** A foreign error's own message, for the detail part of one of our errors (never shown alone). */
export function causeText(err: unknown): string {
  return err instanceof Error ? err.message : typeof err === 'string' ? err : JSON.stringify(err) ?? 'unknown error';
}

/** True for the error an aborted fetch or AbortSignal produces, whatever the runtime. */
export function isAbortError(err: unknown): boolean {
  return (
    typeof err === 'object' &&
    err !== null &&
    'name' in err &&
    ((err as { name: unknown }).name === 'AbortError' || (err as { name: unknown }).name === 'TimeoutError') &&
    !(err instanceof ClinReviseError)
  );
}

/** Throws the signal's abort reason as an AbortError if it has been aborted. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortError();
}

/** A fresh AbortError (DOMException where available, so every runtime recognises it). */
export function abortError(): Error {
  return new DOMException('The run was stopped.', 'AbortError');
}

/**
 * The one place any error becomes user-facing text. Our errors already carry
 * user wording; anything else is reported as unexpected, with its own message.
 */
export function describeError(err: unknown): string {
  if (err instanceof ClinReviseError) return err.message;
  if (isAbortError(err)) return 'Stopped.';
  if (err instanceof Error) return `Unexpected error: ${err.message}`;
  if (typeof err === 'string') return `Unexpected error: ${err}`;
  return 'Unexpected error.';
}

/** The stable code of an error, for storage and tests. */
export function errorCode(err: unknown): string {
  if (err instanceof ClinReviseError) return err.code;
  if (isAbortError(err)) return 'stopped';
  return 'unexpected';
}

// ── GGUF models run in the browser (llama.cpp via wllama) ─────────────────────────────────────────


/** The file does not start with the GGUF signature. */
export class NotGgufError extends ClinReviseError {
  readonly code = 'gguf_not_gguf';
  constructor(readonly fileName: string) {
    super(
      `“${fileName}” is not a GGUF model file (it does not start with the GGUF signature). ` +
        'Choose a .gguf file, for example a Q4_K_M quantization of a small instruct model.',
    );
    this.name = 'NotGgufError';
  }
}

/** The file ends before its header says it should. */
export class GgufTruncatedError extends ClinReviseError {
  readonly code = 'gguf_truncated';
  constructor(
    readonly fileName: string,
    readonly expectedBytes: number,
    readonly actualBytes: number,
  ) {
    super(
      `“${fileName}” is incomplete: its header says it holds at least ${formatBytes(expectedBytes)} but the file has ` +
        `${formatBytes(actualBytes)}. The download or copy was probably cut short; get the file again.`,
    );
    this.name = 'GgufTruncatedError';
  }
}

/** The header is inconsistent, or llama.cpp could not load the model. */
export class GgufCorruptError extends ClinReviseError {
  readonly code = 'gguf_corrupt';
  constructor(
    readonly fileName: string,
    readonly detail: string,
  ) {
    super(`“${fileName}” is damaged or cannot be read as a model (${detail}). Download it again, or choose another file.`);
    this.name = 'GgufCorruptError';
  }
}

/** A valid GGUF that the llama.cpp built into this app cannot run as a chat model. */
export class GgufUnsupportedError extends ClinReviseError {
  readonly code = 'gguf_unsupported';
  constructor(
    readonly fileName: string,
    readonly detail: string,
  ) {
    super(
      `“${fileName}” cannot run in this app: ${detail}. Choose a chat model of a supported architecture ` +
        '(for example llama, qwen3, qwen3moe, gemma3 or phi3), or serve this one with llama.cpp server and use the OpenAI-compatible engine.',
    );
    this.name = 'GgufUnsupportedError';
  }
}

/** The model would need more memory than a browser tab can give it. */
export class GgufTooLargeError extends ClinReviseError {
  readonly code = 'gguf_too_large';
  constructor(
    readonly fileName: string,
    readonly neededBytes: number,
    readonly limitBytes: number,
  ) {
    super(
      `“${fileName}” needs about ${formatBytes(neededBytes)} of memory, but a browser tab can give it at most ${formatBytes(limitBytes)}. ` +
        'Choose a smaller model or quantization, or a smaller context size; or serve it with llama.cpp server and use the OpenAI-compatible engine.',
    );
    this.name = 'GgufTooLargeError';
  }
}

/** A model split into several files was given without all of its parts. */
export class GgufMissingPartsError extends ClinReviseError {
  readonly code = 'gguf_missing_parts';
  constructor(readonly detail: string) {
    super(`${detail} Choose (or drop) all parts of the model together.`);
    this.name = 'GgufMissingPartsError';
  }
}

/** The browser would not store the model (no storage API, quota full, write failed). */
export class GgufStorageError extends ClinReviseError {
  readonly code = 'gguf_storage';
  constructor(readonly detail: string) {
    super(
      `Could not store the model in this browser: ${detail}. Free some disk space or remove stored models in Settings; ` +
        'private windows may not allow storing large files.',
    );
    this.name = 'GgufStorageError';
  }
}

/** The settings name a stored model that is no longer in the browser's storage. */
export class GgufStoredModelMissingError extends ClinReviseError {
  readonly code = 'gguf_stored_model_missing';
  constructor(readonly modelName: string) {
    super(
      `The model “${modelName}” is no longer stored in this browser (it was removed, or the browser cleared this site's data). ` +
        'Choose the file again in Settings.',
    );
    this.name = 'GgufStoredModelMissingError';
  }
}

/** The model URL could not be downloaded. */
export class GgufDownloadError extends ClinReviseError {
  readonly code = 'gguf_download_failed';
  constructor(
    readonly url: string,
    readonly detail: string,
  ) {
    super(
      `Could not download the model from ${url} (${detail}). Check the URL; a model hosted on another site must allow this page (CORS).`,
    );
    this.name = 'GgufDownloadError';
  }
}

/** The in-browser llama.cpp engine failed or crashed. */
export class GgufEngineFailedError extends ClinReviseError {
  readonly code = 'gguf_engine_failed';
  constructor(readonly detail: string) {
    super(
      `The in-browser model engine failed (${detail}). Try again; if it keeps failing, reload the page or choose a smaller model or context size.`,
    );
    this.name = 'GgufEngineFailedError';
  }
}

/** This browser lacks what the in-browser engine needs. */
export class GgufBrowserUnsupportedError extends ClinReviseError {
  readonly code = 'gguf_browser_unsupported';
  constructor(readonly detail: string) {
    super(
      `This browser cannot run GGUF models in the page: ${detail}. Use a current Chrome or Edge, or the OpenAI-compatible engine.`,
    );
    this.name = 'GgufBrowserUnsupportedError';
  }
}
