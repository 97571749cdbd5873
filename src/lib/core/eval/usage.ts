// Counting what an evaluation costs — calls, tokens prefilled and decoded — from the ChatUsage each
// engine reports, without the pipeline or grader knowing they are being metered.

import type { ChatEngine } from '../chat';
import { UsageRecordingEngine } from '../usageRecording';

/** Totals over a set of calls. Tokens an engine does not report are not counted (see `unreported`). */
export interface CostTotals {
  calls: number;
  /** Prompt tokens actually processed: prompt tokens minus those served from a KV/prefix cache. */
  prefilled: number;
  /** Tokens generated. */
  decoded: number;
  /** Calls whose engine reported no token counts. */
  unreported: number;
}

export const emptyCost = (): CostTotals => ({ calls: 0, prefilled: 0, decoded: 0, unreported: 0 });

/** Adds `b` into a copy of `a`. */
export function addCost(a: CostTotals, b: CostTotals): CostTotals {
  return { calls: a.calls + b.calls, prefilled: a.prefilled + b.prefilled, decoded: a.decoded + b.decoded, unreported: a.unreported + b.unreported };
}

/** A ChatEngine that forwards every call and adds its usage to `totals`. */
export class MeteredEngine extends UsageRecordingEngine {
  readonly totals: CostTotals;

  constructor(inner: ChatEngine) {
    const totals = emptyCost();
    super(inner, ({ promptTokens, completionTokens, cachedPromptTokens }) => {
      totals.calls++;
      if (promptTokens === null && completionTokens === null) totals.unreported++;
      totals.prefilled += Math.max(0, (promptTokens ?? 0) - (cachedPromptTokens ?? 0));
      totals.decoded += completionTokens ?? 0;
    });
    this.totals = totals;
  }

  /** Disposing a meter never disposes the engine it wraps (the caller owns it). */
  override async dispose(): Promise<void> {}
}

/** "412 calls · 1.2M tokens prefilled · 85k decoded" */
export function formatCost(cost: CostTotals): string {
  const n = (x: number) => (x >= 1e6 ? `${(x / 1e6).toFixed(1)}M` : x >= 1e4 ? `${Math.round(x / 1e3)}k` : String(x));
  const unreported = cost.unreported ? ` (${cost.unreported} calls without token counts)` : '';
  return `${cost.calls} calls · ${n(cost.prefilled)} tokens prefilled · ${n(cost.decoded)} decoded${unreported}`;
}
