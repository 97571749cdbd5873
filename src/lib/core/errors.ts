// The pipeline's own errors, and the base class every layer's named errors extend. Messages tell the
// user what happened and what to do; the UI and CLI turn any error into text through `describeError`.

import { STEP_LABELS } from './steps';
import { formatCount } from './units';
import type { StepName } from './types';

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
      `The model's ${what} was cut off at its ${formatCount(maxTokens)}-token limit. ` +
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
      `${what} needs about ${formatCount(neededTokens)} tokens but the model's context window holds ${formatCount(windowTokens)}. ` +
        // Every engine's context is a setting: raising it is the first thing to try, not another model.
        'If the model supports more, raise its context in Settings (GGUF: Context size; other engines: Context window); otherwise shorten it or pick a model with a larger context window.',
    );
    this.name = 'ContextBudgetError';
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
