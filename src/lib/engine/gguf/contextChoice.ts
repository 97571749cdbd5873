// The context (KV cache) a GGUF model gets when the setting is automatic: as much of what the model
// was trained for as the memory budget allows, up to a ceiling. Pure, so the rule is unit-tested.

import { BROWSER_MEMORY_LIMIT_BYTES, estimateMemory, type GgufModelInfo } from './ggufModel';

/** The setting's value for "choose from the model". */
export const AUTO_CONTEXT = 0;
/** The smallest context allowed (a model that does not fit even then is refused). */
export const MIN_CONTEXT = 512;
/** The most an automatic choice allocates: the revision loop needs far less, and allocation takes time. */
export const MAX_AUTO_CONTEXT = 32768;
/** Used when the header does not state a trained context (and when nothing fits the device's share). */
export const FALLBACK_CONTEXT = 4096;
/** llama.cpp pads the KV cache to multiples of 256 tokens. */
const STEP = 256;
/** The share of the device's reported RAM one tab's model may take (as for the catalog's recommendation). */
const MEMORY_SHARE = 0.5;

/** Why the context is what it is. */
export type ContextReason = 'setting' | 'trained' | 'ceiling' | 'memory' | 'unstated' | 'fallback';

export interface ContextChoice {
  contextSize: number;
  reason: ContextReason;
}

/** Bytes a model may take here: the tab's 4 GiB, or half the device's reported RAM if that is less. */
export function contextMemoryBudget(deviceMemoryGB: number | null): number {
  return deviceMemoryGB && deviceMemoryGB > 0 ? Math.min(BROWSER_MEMORY_LIMIT_BYTES, deviceMemoryGB * 1e9 * MEMORY_SHARE) : BROWSER_MEMORY_LIMIT_BYTES;
}

/**
 * The context to allocate. A set size (> 0) is kept. Automatic: the trained context (4,096 when the
 * header does not say), at most 32,768, lowered in steps of 256 until the memory estimate fits the
 * budget; when even 512 tokens do not fit (the weights alone exceed the device's share), 4,096 or
 * the trained context if smaller — the 4 GiB check before loading then decides.
 */
export function chooseContextSize(info: GgufModelInfo, setting: number, budgetBytes: number): ContextChoice {
  if (setting > 0) return { contextSize: setting, reason: 'setting' };
  const trained = info.contextLength && info.contextLength > 0 ? info.contextLength : null;
  const upper = Math.max(MIN_CONTEXT, Math.min(trained ?? FALLBACK_CONTEXT, MAX_AUTO_CONTEXT));
  const fits = (n: number) => estimateMemory(info, n).totalBytes <= budgetBytes;
  if (fits(upper)) return { contextSize: upper, reason: trained === null ? 'unstated' : trained > MAX_AUTO_CONTEXT ? 'ceiling' : 'trained' };
  if (!fits(MIN_CONTEXT)) return { contextSize: Math.min(upper, FALLBACK_CONTEXT), reason: 'fallback' };
  // The estimate grows with the context, so the largest fitting step is found by bisection.
  let lo = 0; // MIN_CONTEXT + lo * STEP fits
  let hi = Math.ceil((upper - MIN_CONTEXT) / STEP); // at or above `upper`: does not fit
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (fits(MIN_CONTEXT + mid * STEP)) lo = mid;
    else hi = mid;
  }
  return { contextSize: MIN_CONTEXT + lo * STEP, reason: 'memory' };
}
