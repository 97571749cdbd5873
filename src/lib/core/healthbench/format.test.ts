import { describe, expect, it } from 'vitest';
import { healthBenchLine, parseHealthBenchLine, tagValue } from './format';

const good = {
  prompt_id: 'ex-1',
  prompt: [{ role: 'user', content: 'Chest pain for an hour, what do I do?' }],
  rubrics: [
    { criterion: 'Advises calling emergency services now', points: 9, tags: ['axis:accuracy', 'level:example'] },
    { criterion: 'Suggests waiting to see if it settles', points: -8, tags: ['axis:accuracy'] },
  ],
  example_tags: ['theme:emergency_referrals'],
  ideal_completions_data: null,
};

describe('HealthBench JSONL', () => {
  it('reads a line, ignoring fields it does not use, and writes it back in HealthBench order', () => {
    const parsed = parseHealthBenchLine(JSON.stringify(good), 1);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.example.prompt_id).toBe('ex-1');
    const line = healthBenchLine(parsed.example);
    expect(Object.keys(JSON.parse(line))).toEqual(['prompt_id', 'prompt', 'rubrics', 'example_tags']);
    expect(parseHealthBenchLine(line, 2)).toEqual(parsed);
  });

  it('reports each problem with the line number and the field', () => {
    const bad = (value: unknown) => {
      const r = parseHealthBenchLine(typeof value === 'string' ? value : JSON.stringify(value), 7);
      if (r.ok) throw new Error('expected a problem');
      expect(r.problem.line).toBe(7);
      return r.problem.problems;
    };
    expect(bad('{not json')).toEqual(['not valid JSON']);
    expect(bad({ ...good, prompt_id: '' })).toEqual(['prompt_id: prompt_id is empty']);
    expect(bad({ ...good, rubrics: [{ criterion: 'x', points: 0, tags: [] }] })[0]).toMatch(/^rubrics\.0\.points: points must not be 0/);
    expect(bad({ ...good, prompt: [{ role: 'assistant', content: 'hi' }] })).toEqual(['prompt: the last message must be from the user']);
    expect(bad({ ...good, rubrics: [{ criterion: 'bad', points: -3, tags: [] }] })[0]).toMatch(/no item has positive points/);
    expect(bad({ ...good, prompt: [{ role: 'robot', content: 'x' }] })[0]).toMatch(/^prompt\.0\.role/);
  });

  it('finds tag values by prefix', () => {
    expect(tagValue(['level:example', 'axis:accuracy'], 'axis')).toBe('accuracy');
    expect(tagValue(['theme:hedging'], 'axis')).toBeNull();
  });
});
