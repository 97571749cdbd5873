// What a whole run cost the model: tokens prefilled and decoded over every call, and the time spent.
// Rates are shown only over an interval long enough to mean something (a rate over one millisecond
// of prefill — "1,727,000 tok/s" — says nothing), so per-call speeds are summed into totals first.

import type { ChatUsage } from './chat';

/** Totals over every model call of a run. */
export interface RunUsage {
  calls: number;
  /** Prompt tokens the engine reported (prefilled or served from its cache). */
  promptTokens: number;
  /** Of those, tokens served from a KV cache, where the engine says so. */
  cachedPromptTokens: number;
  completionTokens: number;
  /** Calls that extended the conversation the engine held (KV cache reused). */
  continuedCalls: number;
  /** Seconds spent prefilling, summed from each call's tokens ÷ its prefill rate (where reported). */
  prefillSeconds: number;
  /** Prompt tokens of the calls whose prefill time is known (the numerator of the prefill rate). */
  timedPromptTokens: number;
  /** Seconds spent decoding, likewise. */
  decodeSeconds: number;
  timedCompletionTokens: number;
  /** Wall-clock seconds inside model calls. */
  modelSeconds: number;
}

/** Rates need at least this many seconds of work behind them. */
export const MIN_RATE_SECONDS = 1;

export const EMPTY_RUN_USAGE: RunUsage = {
  calls: 0,
  promptTokens: 0,
  cachedPromptTokens: 0,
  completionTokens: 0,
  continuedCalls: 0,
  prefillSeconds: 0,
  timedPromptTokens: 0,
  decodeSeconds: 0,
  timedCompletionTokens: 0,
  modelSeconds: 0,
};

const positive = (n: number | undefined): n is number => n !== undefined && Number.isFinite(n) && n > 0;

/** Adds one finished call (its usage and how long it took) to the totals. */
export function addCallUsage(total: RunUsage, usage: ChatUsage, elapsedMs: number): RunUsage {
  const prompt = usage.promptTokens ?? 0;
  const completion = usage.completionTokens ?? 0;
  const prefillTimed = prompt > 0 && positive(usage.prefillTokensPerSecond);
  const decodeTimed = completion > 0 && positive(usage.decodeTokensPerSecond);
  return {
    calls: total.calls + 1,
    promptTokens: total.promptTokens + prompt,
    cachedPromptTokens: total.cachedPromptTokens + (usage.cachedPromptTokens ?? 0),
    completionTokens: total.completionTokens + completion,
    continuedCalls: total.continuedCalls + (usage.continuedConversation ? 1 : 0),
    prefillSeconds: total.prefillSeconds + (prefillTimed ? prompt / usage.prefillTokensPerSecond! : 0),
    timedPromptTokens: total.timedPromptTokens + (prefillTimed ? prompt : 0),
    decodeSeconds: total.decodeSeconds + (decodeTimed ? completion / usage.decodeTokensPerSecond! : 0),
    timedCompletionTokens: total.timedCompletionTokens + (decodeTimed ? completion : 0),
    modelSeconds: total.modelSeconds + Math.max(0, elapsedMs) / 1000,
  };
}

/** Whole-run prefill and decode rates (tokens/s), each null unless ≥ MIN_RATE_SECONDS were spent on it. */
export function runRates(usage: RunUsage): { prefill: number | null; decode: number | null } {
  return {
    prefill: usage.prefillSeconds >= MIN_RATE_SECONDS ? usage.timedPromptTokens / usage.prefillSeconds : null,
    decode: usage.decodeSeconds >= MIN_RATE_SECONDS ? usage.timedCompletionTokens / usage.decodeSeconds : null,
  };
}
