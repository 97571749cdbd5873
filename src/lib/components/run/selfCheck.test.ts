import { describe, expect, it } from 'vitest';
import type { Round, RubricItem } from '../../core/types';
import { bestRoundSoFar, selfCheck, serverHostOf } from './selfCheck';

const item = (id: string, points: number): RubricItem => ({ id, criterion: id, points, axis: 'accuracy', principle_id: null });
const round = (index: number, score: number | null): Round => ({ index, kind: index ? 'revision' : 'draft', answer: `a${index}`, grades: [], score, truncated: false });

describe('selfCheck', () => {
  it('counts positive items met and lists harmful items present separately', () => {
    const rubric = [item('R1', 5), item('R2', 3), item('R3', -4), item('R4', -2)];
    const grades = [
      { item_id: 'R1', met: true, evidence: '' },
      { item_id: 'R2', met: false, evidence: '' },
      { item_id: 'R3', met: true, evidence: '' },
      { item_id: 'R4', met: false, evidence: '' },
    ];
    const check = selfCheck(rubric, grades);
    expect(check).toMatchObject({ met: 1, positive: 2, negative: 2 });
    expect(check.harmsPresent.map((i) => i.id)).toEqual(['R3']);
  });

  it('counts nothing met before grading', () => {
    expect(selfCheck([item('R1', 5)], [])).toMatchObject({ met: 0, positive: 1, harmsPresent: [] });
  });
});

describe('bestRoundSoFar', () => {
  it('prefers the best graded round, else the latest', () => {
    expect(bestRoundSoFar([round(0, 0.4), round(1, 0.7), round(2, null)])?.index).toBe(1);
    expect(bestRoundSoFar([round(0, null)])?.index).toBe(0);
    expect(bestRoundSoFar([])).toBeNull();
  });
});

describe('serverHostOf', () => {
  it('names the host of a server engine and nothing for on-device engines', () => {
    expect(serverHostOf('scripted @ http://127.0.0.1:8123/v1')).toBe('127.0.0.1:8123');
    expect(serverHostOf('tiny.gguf · Q8_0 · llama.cpp in this browser (wasm)')).toBeNull();
    expect(serverHostOf('Qwen3-4B (q4f16)')).toBeNull();
  });
});
