import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tagValue } from '../healthbench/format';
import { readHealthBench, scanHealthBench, splitLines } from '../healthbench/read';
import { AXES } from '../types';

const text = readFileSync('datasets/healthbench-demo.jsonl', 'utf8');
const THEMES = ['emergency_referrals', 'context_seeking', 'global_health', 'health_data_tasks', 'communication', 'hedging', 'complex_responses'];

describe('the shipped demo set (datasets/healthbench-demo.jsonl)', () => {
  it('is valid HealthBench JSONL: every line reads, ≥ 24 examples, all seven themes, some multi-turn', async () => {
    const scan = await scanHealthBench(splitLines([text]));
    expect(scan.problems).toEqual([]);
    expect(scan.examples).toBeGreaterThanOrEqual(24);
    const examples = [];
    for await (const e of readHealthBench(splitLines([text]))) examples.push(e);
    const themes = new Set(examples.map((e) => tagValue(e.example_tags, 'theme')));
    expect([...themes].sort()).toEqual([...THEMES].sort());
    for (const theme of THEMES) expect(examples.filter((e) => tagValue(e.example_tags, 'theme') === theme).length).toBeGreaterThanOrEqual(3);
    expect(examples.filter((e) => e.prompt.length > 1).length).toBeGreaterThanOrEqual(4);
    for (const e of examples) {
      expect(e.rubrics.some((r) => r.points > 0)).toBe(true);
      expect(e.rubrics.some((r) => r.points < 0)).toBe(true);
      for (const r of e.rubrics) expect(AXES).toContain(tagValue(r.tags, 'axis'));
    }
    const axes = new Set(examples.flatMap((e) => e.rubrics.map((r) => tagValue(r.tags, 'axis'))));
    expect(axes.size).toBe(AXES.length);
  });
});
