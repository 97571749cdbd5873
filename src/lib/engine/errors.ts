// Errors every engine can raise: no engine configured, and browser storage full (model caches).
// Engine-specific errors live beside each engine (openai/, webllm/, gguf/).

import { ClinReviseError } from '../core/errors';
import { formatBytes } from '../core/units';

/** No engine is configured, or its settings are incomplete. */
export class EngineNotConfiguredError extends ClinReviseError {
  readonly code = 'engine_not_configured';
  constructor(detail: string) {
    super(`The model engine is not set up: ${detail} Open Settings to choose one.`);
    this.name = 'EngineNotConfiguredError';
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
