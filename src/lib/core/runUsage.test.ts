import { describe, expect, it } from 'vitest';
import { EMPTY_RUN_USAGE, addCallUsage, runRates } from './runUsage';

describe('run usage totals', () => {
  it('gives no rate over a millisecond of prefill — the "1,727,000 tok/s" of one cached call', () => {
    const one = addCallUsage(EMPTY_RUN_USAGE, { promptTokens: 1727, completionTokens: 3, prefillTokensPerSecond: 1_727_000, decodeTokensPerSecond: 30 }, 120);
    expect(one.promptTokens).toBe(1727);
    expect(runRates(one)).toEqual({ prefill: null, decode: null });
  });

  it('sums tokens and time over every call and gives rates over the whole run once ≥ 1 s was spent', () => {
    let total = EMPTY_RUN_USAGE;
    total = addCallUsage(total, { promptTokens: 1000, completionTokens: 400, prefillTokensPerSecond: 500, decodeTokensPerSecond: 20, continuedConversation: false }, 22_000);
    total = addCallUsage(total, { promptTokens: 300, completionTokens: 100, prefillTokensPerSecond: 300_000, decodeTokensPerSecond: 25, continuedConversation: true }, 4_100);
    total = addCallUsage(total, { promptTokens: null, completionTokens: null }, 500);
    expect(total).toMatchObject({ calls: 3, promptTokens: 1300, completionTokens: 500, continuedCalls: 1 });
    expect(total.modelSeconds).toBeCloseTo(26.6);
    const rates = runRates(total);
    // (1000 + 300) tokens over 2 s + 1 ms; (400 + 100) over 20 s + 4 s.
    expect(rates.prefill).toBeCloseTo(1300 / 2.001, 3);
    expect(rates.decode).toBeCloseTo(500 / 24, 3);
  });
});
