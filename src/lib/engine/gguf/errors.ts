// Errors of the GGUF engine (llama.cpp in WebAssembly via wllama): files that are not GGUF, truncated,
// corrupt, unsupported or too large for a tab; storage and download failures.

import { ClinReviseError } from '../../core/errors';
import { formatBytes } from '../../core/units';

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

/** There is not enough free browser storage for a download; nothing was fetched. */
export class GgufInsufficientStorageError extends ClinReviseError {
  readonly code = 'gguf_insufficient_storage';
  constructor(
    readonly modelName: string,
    readonly neededBytes: number,
    readonly freeBytes: number,
  ) {
    super(
      `Not enough browser storage to download “${modelName}”: it needs ${formatBytes(neededBytes)} more, but this site has only ` +
        `${formatBytes(Math.max(0, freeBytes))} free. Remove stored models in Settings or free disk space, then try again.`,
    );
    this.name = 'GgufInsufficientStorageError';
  }
}

/** A downloaded file's SHA-256 is not the one expected; the file was deleted. */
export class GgufIntegrityError extends ClinReviseError {
  readonly code = 'gguf_integrity';
  constructor(
    readonly fileName: string,
    readonly expectedSha256: string,
    readonly actualSha256: string,
    /** Where the expected hash came from: the catalog, or the first download on this browser. */
    readonly expectedFrom: 'catalog' | 'first_download',
  ) {
    super(
      `“${fileName}” failed its integrity check: its SHA-256 is ${actualSha256}, but ${expectedFrom === 'catalog' ? 'the catalog expects' : 'the first download on this browser recorded'} ` +
        `${expectedSha256}. The file was deleted. Download it again; if this keeps happening, the host is serving a different file.`,
    );
    this.name = 'GgufIntegrityError';
  }
}

/** The server did not honour a request to continue a paused download. */
export class GgufResumeError extends ClinReviseError {
  readonly code = 'gguf_resume_failed';
  constructor(
    readonly url: string,
    readonly detail: string,
  ) {
    super(`Could not continue the download from ${url} (${detail}). Remove the partial download and start again.`);
    this.name = 'GgufResumeError';
  }
}
