import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FIXTURE_PRINCIPLES } from '../../../../tests/support/fixturePrinciples';
import { ScriptedEngine } from '../../../../tests/support/scriptedEngine';
import { SCRIPTS, healthBenchGradingCall, type Script } from '../../../../tests/support/scriptedReplies';
import { seededRandom } from '../random';
import { CalibrationFileError, agreement, decideVerdict, modelCheckReasonText, overallRate, parseCalibrationSet, runModelCheck, type CalibrationCase } from './modelCheck';

const cases = parseCalibrationSet(readFileSync('datasets/model-check.jsonl', 'utf8'));
const key = (criterion: string, reply: string) => `${criterion}\u0000${reply.trim()}`;
const truth = new Map(cases.map((c) => [key(c.criterion, c.reply), c.verdict]));

/** A grader double that knows every correct verdict. */
const knowing: Script = (step, call) => {
  if (step !== 'hb_grade') return SCRIPTS.improves(step, call);
  const { criterion, reply } = healthBenchGradingCall(call.messages);
  const verdict = truth.get(key(criterion, reply));
  if (verdict === undefined) throw new Error(`unknown case: ${criterion}`);
  return { text: JSON.stringify({ explanation: 'known', criteria_met: verdict }) };
};

/** A grader double that flips a coin. */
function guessing(seed: number): Script {
  const random = seededRandom(seed);
  return (step, call) => (step === 'hb_grade' ? { text: JSON.stringify({ explanation: 'guess', criteria_met: random() < 0.5 }) } : SCRIPTS.improves(step, call));
}

describe('agreement (HealthBench meta-evaluation metrics)', () => {
  it('computes accuracy and the mean of both classes\' F1 by hand', () => {
    // truth:     T T T F F ;  predicted: T T F T F
    // met: tp 2, fp 1, fn 1 → P 2/3, R 2/3, F1 2/3; not met: tn 1, fn(for it) 1, fp 1 → F1 1/2
    const a = agreement([true, true, false, true, false], [true, true, true, false, false]);
    expect(a.accuracy).toBeCloseTo(3 / 5, 12);
    expect(a.f1_met).toBeCloseTo(2 / 3, 12);
    expect(a.f1_not_met).toBeCloseTo(1 / 2, 12);
    expect(a.macro_f1).toBeCloseTo((2 / 3 + 1 / 2) / 2, 12);
  });

  it('an always-"met" grader gets at most 0.5 (the class it never predicts counts 0)', () => {
    const a = agreement([true, true, true, true], [true, true, false, false]);
    expect(a.f1_not_met).toBe(0);
    expect(a.macro_f1).toBeCloseTo((2 / 3) / 2, 12);
  });
});

describe('decideVerdict thresholds', () => {
  const ok = { classify: 1, rubric: 1, grade: 1 };
  it('maps agreement and validity to the three verdicts', () => {
    expect(decideVerdict({ macro_f1: 0.85 }, ok).verdict).toBe('suitable');
    expect(decideVerdict({ macro_f1: 0.7 }, ok).verdict).toBe('usable_with_caution');
    expect(decideVerdict({ macro_f1: 0.85 }, { ...ok, rubric: 0 }).verdict).toBe('usable_with_caution');
    expect(decideVerdict({ macro_f1: 0.6 }, ok).verdict).toBe('not_suitable');
    expect(decideVerdict({ macro_f1: 0.9 }, { ...ok, grade: 0.5 }).verdict).toBe('not_suitable');
  });

  it('gives each reason as a code with its figures and the threshold it missed', () => {
    expect(decideVerdict({ macro_f1: 0.85 }, ok).reasons).toEqual([{ code: 'suitable' }]);
    expect(decideVerdict({ macro_f1: 0.6 }, { ...ok, grade: 0.5 }).reasons).toEqual([
      { code: 'grading_too_low', macroF1: 0.6, needed: 0.65, suitable: 0.8 },
      { code: 'grades_unusable', usable: 0.5, needed: 0.8 },
    ]);
    expect(decideVerdict({ macro_f1: 0.7 }, { classify: 0.5, rubric: 0.3, grade: 0.9 }).reasons).toEqual([
      { code: 'grading_moderate', macroF1: 0.7, suitable: 0.8 },
      { code: 'grade_some_unusable', usable: 0.9, suitable: 0.95 },
      { code: 'classify_unusable', usable: 0.5 },
      { code: 'rubric_unusable', usable: 0.3 },
    ]);
  });

  it('words the reasons in English for the CLI', () => {
    const [low, json] = decideVerdict({ macro_f1: 0.6 }, { ...ok, grade: 0.5 }).reasons;
    expect(modelCheckReasonText(low!)).toBe('Its grading agrees too little with the correct verdicts (macro F1 0.60; at least 0.65 is needed, 0.8 to be suitable).');
    expect(modelCheckReasonText(json!)).toBe('Too few of its grading replies were usable JSON (50%; at least 80% is needed).');
    expect(modelCheckReasonText({ code: 'suitable' })).toBe('It grades like the reference verdicts and its structured replies are usable.');
  });
});

describe('runModelCheck', () => {
  it('a grader that answers correctly is suitable', async () => {
    const engine = new ScriptedEngine(knowing);
    const progress: number[] = [];
    const report = await runModelCheck({ engine, cases, principles: FIXTURE_PRINCIPLES, signal: new AbortController().signal, onProgress: (d) => progress.push(d) });
    expect(report.grading).toMatchObject({ accuracy: 1, macro_f1: 1, n: cases.length });
    expect(report.structured).toEqual({ classify: 1, rubric: 1, grade: 1 });
    expect(report.verdict).toBe('suitable');
    expect(progress.at(-1)).toBe(cases.length + 6);
    expect(engine.steps.filter((s) => s === 'classify')).toHaveLength(3);
  });

  it('graders answering at random are not suitable', async () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const report = await runModelCheck({ engine: new ScriptedEngine(guessing(seed)), cases, principles: FIXTURE_PRINCIPLES, signal: new AbortController().signal });
      expect(report.verdict, `seed ${seed}: macro F1 ${report.grading.macro_f1}`).toBe('not_suitable');
    }
  });

  it('a grader whose replies are never JSON is not suitable, and counts those cases as wrong', async () => {
    const prose: Script = (step, call) => (step === 'hb_grade' ? { text: 'It meets it, I think.' } : SCRIPTS.improves(step, call));
    const report = await runModelCheck({ engine: new ScriptedEngine(prose), cases: cases.slice(0, 10), principles: FIXTURE_PRINCIPLES, signal: new AbortController().signal, probes: 1 });
    expect(report.structured.grade).toBe(0);
    expect(report.grading.accuracy).toBe(0);
    expect(report.verdict).toBe('not_suitable');
  });

  it('Stop aborts the check', async () => {
    const controller = new AbortController();
    const engine = new ScriptedEngine(knowing, 32768, (call) => {
      if (call.step === 'hb_grade') controller.abort();
    });
    await expect(runModelCheck({ engine, cases, principles: FIXTURE_PRINCIPLES, signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('speed is total tokens over total time from each call\'s own rate', () => {
    expect(overallRate([{ tokens: 100, tps: 50 }, { tokens: 100, tps: 100 }, { tokens: null, tps: 10 }])).toBeCloseTo(200 / 3, 9);
    expect(overallRate([{ tokens: 5, tps: undefined }])).toBeNull();
  });
});

describe('the shipped calibration set (datasets/model-check.jsonl)', () => {
  it('has at least 60 valid cases with unique ids covering every kind, both verdicts and negative items', () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
    expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
    const kinds = new Set(cases.map((c) => c.kind));
    for (const k of ['all_parts', 'such_as', 'negative', 'mentions_only'] as const) expect(kinds.has(k)).toBe(true);
    const neg = cases.filter((c) => c.points < 0);
    expect(neg.some((c) => c.verdict) && neg.some((c) => !c.verdict)).toBe(true);
    const share = cases.filter((c) => c.verdict).length / cases.length;
    expect(share).toBeGreaterThan(0.35);
    expect(share).toBeLessThan(0.65);
    expect(cases.every((c: CalibrationCase) => (c.kind === 'negative') === (c.points < 0))).toBe(true);
    expect(cases.some((c) => c.conversation.length > 1)).toBe(true);
  });

  it('rejects a bad line by number', () => {
    expect(() => parseCalibrationSet('\n{"id":"x"}\n')).toThrow(CalibrationFileError);
    expect(() => parseCalibrationSet('\n{"id":"x"}\n')).toThrow(/line 2/);
  });
});
