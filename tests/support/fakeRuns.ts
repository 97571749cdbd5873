// Realistic stored runs in bulk (pool, rubric, graded rounds of answer-length text) for the History
// benchmark and tests: deterministic from a seed, so a search's expected hits can be counted.

import { seededRandom } from '../../src/lib/core/random';
import { DEFAULT_RUN_OPTIONS, type Run, type RunStatus } from '../../src/lib/core/types';

const WORDS = (
  'patient dose chest pain fever child adult daily review urgent advice symptom blood pressure kidney ' +
  'insulin warfarin antibiotic rash cough breath heart rate weight allergy pregnancy tablet evening morning ' +
  'monitor refer emergency department clinic nurse doctor sodium potassium glucose infection wound headache'
).split(' ');
const ENGINES = ['Qwen3-4B (on this device)', 'qwen3:4b @ http://127.0.0.1:8000/v1', 'tiny.gguf (in this browser)'];
const STATUSES: RunStatus[] = ['done', 'done', 'done', 'done', 'failed', 'stopped', 'running'];

/** `count` runs, one a minute back from `newest`, the i-th with id `run-<i padded>`. */
export function fakeRuns(count: number, { seed = 11, newest = Date.UTC(2026, 10, 30, 12) } = {}): Run[] {
  const rand = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const words = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  return Array.from({ length: count }, (_, i) => {
    const status = pick(STATUSES);
    const rubric = Array.from({ length: 10 }, (_, k) => ({
      id: `R${k + 1}`,
      criterion: `Advises on ${words(12)}`,
      points: k % 4 === 3 ? -5 : 6,
      axis: 'accuracy' as const,
      principle_id: null,
    }));
    const rounds = Array.from({ length: status === 'done' ? 2 : 1 }, (_, r) => ({
      index: r,
      kind: r === 0 ? ('draft' as const) : ('revision' as const),
      answer: words(220),
      grades: rubric.map((item) => ({ item_id: item.id, met: rand() < 0.6, evidence: words(6) })),
      score: Math.round(rand() * 100) / 100,
      truncated: false,
    }));
    const best = rounds[rounds.length - 1]!;
    const createdAt = newest - i * 60_000;
    return {
      id: `run-${String(i).padStart(6, '0')}`,
      question: `Q${i}: ${words(25)}?`,
      createdAt,
      updatedAt: createdAt + 30_000,
      status,
      options: DEFAULT_RUN_OPTIONS,
      engineLabel: pick(ENGINES),
      scenario: { urgency: 'routine', uncertainty: 'sufficient_context', expertise: 'health_professional', task_type: 'advice' },
      scenarioSource: 'model',
      rubricSource: 'model',
      pool: Array.from({ length: 12 }, (_, k) => ({ id: `URG-${k}`, dimension: 'urgency' as const, title: words(6), reason: words(10), score: 1 })),
      rubric,
      rounds,
      final: status === 'done' ? { round: best.index, answer: best.answer, score: best.score!, reason: 'max_rounds' as const } : null,
      currentStep: status === 'running' ? 'grade' : null,
      failure: status === 'failed' ? { step: 'grade', code: 'server_unreachable', message: 'The server did not answer.' } : null,
    } satisfies Run;
  });
}
