// How the GGUF engine's errors cross the worker boundary: our named errors travel as codes and
// fields and are rebuilt into the same classes on the page; anything else arrives as its text.

import { ClinReviseError, ContextBudgetError, abortError, isAbortError, causeText } from '../../core/errors';
import { GgufBrowserUnsupportedError, GgufCorruptError, GgufDownloadError, GgufEngineFailedError, GgufMissingPartsError, GgufStorageError, GgufStoredModelMissingError, GgufTooLargeError, GgufTruncatedError, GgufUnsupportedError, NotGgufError } from './errors';
import type { WireError } from './protocol';

type Fields = Record<string, string | number>;
const s = (f: Fields, k: string) => String(f[k] ?? '');
const n = (f: Fields, k: string) => Number(f[k] ?? 0);

/** What the engine calls the overflowing text in a context error. */
const CONTEXT_SUBJECT = 'The conversation';

/** Every error the worker may raise on purpose: its fields, and how to rebuild it. */
const WIRE_ERRORS: Record<string, { fields: string[]; make: (f: Fields) => ClinReviseError }> = {
  gguf_not_gguf: { fields: ['fileName'], make: (f) => new NotGgufError(s(f, 'fileName')) },
  gguf_truncated: {
    fields: ['fileName', 'expectedBytes', 'actualBytes'],
    make: (f) => new GgufTruncatedError(s(f, 'fileName'), n(f, 'expectedBytes'), n(f, 'actualBytes')),
  },
  gguf_corrupt: { fields: ['fileName', 'detail'], make: (f) => new GgufCorruptError(s(f, 'fileName'), s(f, 'detail')) },
  gguf_unsupported: { fields: ['fileName', 'detail'], make: (f) => new GgufUnsupportedError(s(f, 'fileName'), s(f, 'detail')) },
  gguf_too_large: {
    fields: ['fileName', 'neededBytes', 'limitBytes'],
    make: (f) => new GgufTooLargeError(s(f, 'fileName'), n(f, 'neededBytes'), n(f, 'limitBytes')),
  },
  gguf_missing_parts: { fields: ['detail'], make: (f) => new GgufMissingPartsError(s(f, 'detail')) },
  gguf_storage: { fields: ['detail'], make: (f) => new GgufStorageError(s(f, 'detail')) },
  gguf_stored_model_missing: { fields: ['modelName'], make: (f) => new GgufStoredModelMissingError(s(f, 'modelName')) },
  gguf_download_failed: { fields: ['url', 'detail'], make: (f) => new GgufDownloadError(s(f, 'url'), s(f, 'detail')) },
  gguf_engine_failed: { fields: ['detail'], make: (f) => new GgufEngineFailedError(s(f, 'detail')) },
  gguf_browser_unsupported: { fields: ['detail'], make: (f) => new GgufBrowserUnsupportedError(s(f, 'detail')) },
  context_budget: {
    fields: ['neededTokens', 'windowTokens'],
    make: (f) => new ContextBudgetError(n(f, 'neededTokens'), n(f, 'windowTokens'), CONTEXT_SUBJECT),
  },
};

/** The context error the engine raises when a conversation no longer fits. */
export function contextOverflow(neededTokens: number, windowTokens: number): ContextBudgetError {
  return new ContextBudgetError(neededTokens, windowTokens, CONTEXT_SUBJECT);
}

/** Turns any thrown value into something postMessage can carry. */
export function encodeError(err: unknown): WireError {
  if (isAbortError(err)) return { kind: 'abort' };
  if (err instanceof ClinReviseError) {
    const spec = WIRE_ERRORS[err.code];
    if (spec) {
      const record = err as unknown as Record<string, unknown>;
      const fields: Fields = {};
      for (const key of spec.fields) {
        const value = record[key];
        if (typeof value === 'string' || typeof value === 'number') fields[key] = value;
      }
      return { kind: 'known', code: err.code, fields };
    }
  }
  return { kind: 'unexpected', message: causeText(err) };
}

/** Rebuilds the error the worker raised. Unknown failures become GgufEngineFailedError. */
export function decodeError(wire: WireError): Error {
  if (wire.kind === 'abort') return abortError();
  if (wire.kind === 'known') {
    const spec = WIRE_ERRORS[wire.code];
    if (spec) return spec.make(wire.fields);
  }
  return new GgufEngineFailedError(wire.kind === 'unexpected' ? wire.message : `error ${wire.code}`);
}
