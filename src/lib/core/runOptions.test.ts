import { describe, expect, it } from 'vitest';
import { RUN_OPTION_LIMITS, runOptionsProblems, sanitizeRunOptions } from './runOptions';
import { DEFAULT_RUN_OPTIONS } from './types';

describe('run options', () => {
  it('accepts the defaults and the limits themselves', () => {
    expect(runOptionsProblems(DEFAULT_RUN_OPTIONS)).toEqual([]);
    const { rounds, targetScore, poolSize } = RUN_OPTION_LIMITS;
    expect(runOptionsProblems({ rounds: rounds.max, targetScore: targetScore.max, poolSize: poolSize.max })).toEqual([]);
    expect(runOptionsProblems({ rounds: rounds.min, targetScore: targetScore.min, poolSize: poolSize.min })).toEqual([]);
  });

  it('names each field outside its limits', () => {
    const fields = (o: Parameters<typeof runOptionsProblems>[0]) => runOptionsProblems(o).map((p) => p.field);
    expect(fields({ ...DEFAULT_RUN_OPTIONS, rounds: 6 })).toEqual(['rounds']);
    expect(fields({ ...DEFAULT_RUN_OPTIONS, rounds: 1.5 })).toEqual(['rounds']);
    expect(fields({ ...DEFAULT_RUN_OPTIONS, targetScore: 0 })).toEqual(['targetScore']);
    expect(fields({ ...DEFAULT_RUN_OPTIONS, targetScore: Number.NaN })).toEqual(['targetScore']);
    expect(fields({ ...DEFAULT_RUN_OPTIONS, poolSize: 31 })).toEqual(['poolSize']);
    expect(fields({ ...DEFAULT_RUN_OPTIONS, poolSize: 0 })).toEqual(['poolSize']);
    expect(fields({ ...DEFAULT_RUN_OPTIONS, grading: 'sometimes' as never })).toEqual(['grading']);
    expect(fields({})).toEqual(['rounds', 'targetScore', 'poolSize']);
  });

  it('repairs stored options field by field, keeping what is valid', () => {
    expect(sanitizeRunOptions({ rounds: 99, poolSize: 4 })).toEqual({ ...DEFAULT_RUN_OPTIONS, poolSize: 4 });
    expect(sanitizeRunOptions(null)).toEqual(DEFAULT_RUN_OPTIONS);
    expect(sanitizeRunOptions({ targetScore: 'high' as never, rounds: 3 })).toEqual({ ...DEFAULT_RUN_OPTIONS, rounds: 3 });
  });
});
