// "Is this model good enough for ClinRevise?": runs our calibration set (cases with a known verdict)
// through the HealthBench grader, probes the other structured steps, measures speed, and gives a
// plain verdict with documented thresholds (docs/evaluation.md) so a guessing model cannot pass.

import { z } from 'zod';
import type { ChatEngine, ChatMessage, ChatOptions, ChatResult, ChatUsage } from '../chat';
import { conversationText, userText, type Turn } from '../conversation';
import { StructuredOutputError, TruncatedOutputError, throwIfAborted } from '../errors';
import { issueList } from '../healthbench/format';
import { CLASSIFY_MAX_TOKENS } from '../pipeline/budget';
import { selectPrinciplePool, type PoolCandidate } from '../retrieval/selectPool';
import { classifyMessages } from '../scenario/classifyPrompt';
import { synthesiseRubric } from '../rubric/rubric';
import { classifyScenarioOffline } from '../scenario/offline';
import { learnedPoolHints } from '../learned/shipped';
import { ScenarioSchema } from '../schemas';
import { requestStructured } from '../structured/structured';
import type { Scenario } from '../types';
import { gradeItem } from './grader';
import { MODEL_CHECK_THRESHOLDS, type ModelVerdict } from './verdict';

/** What a calibration case tests: a rule of HealthBench grading a weak grader tends to get wrong. */
export const CALIBRATION_KINDS = ['plain', 'all_parts', 'such_as', 'negative', 'mentions_only'] as const;
export type CalibrationKind = (typeof CALIBRATION_KINDS)[number];

const TurnSchema = z.object({ role: z.enum(['system', 'user', 'assistant']), content: z.string().min(1) });

/** One calibration case: a conversation, a reply to it, one rubric item and the correct verdict. */
export const CalibrationCaseSchema = z.object({
  id: z.string().min(1),
  kind: z.enum(CALIBRATION_KINDS),
  conversation: z.array(TurnSchema).min(1).refine((t) => t[t.length - 1]!.role === 'user', 'the conversation must end with a user message'),
  reply: z.string().min(1),
  criterion: z.string().min(1),
  points: z.number().int().refine((n) => n !== 0, 'points must not be 0'),
  /** Whether the item is met; for a negative item, whether the bad behaviour is present. */
  verdict: z.boolean(),
});
export type CalibrationCase = z.infer<typeof CalibrationCaseSchema>;

/** The calibration file has a line that does not fit the schema. */
export class CalibrationFileError extends Error {
  constructor(readonly line: number, readonly problems: string[]) {
    super(`Calibration file line ${line}: ${problems.join('; ')}. Fix the line or use the shipped datasets/model-check.jsonl.`);
    this.name = 'CalibrationFileError';
  }
}

/** Parses the calibration JSONL (blank lines skipped); throws CalibrationFileError on the first bad line. */
export function parseCalibrationSet(text: string): CalibrationCase[] {
  const cases: CalibrationCase[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      throw new CalibrationFileError(i + 1, ['not valid JSON']);
    }
    const parsed = CalibrationCaseSchema.safeParse(json);
    if (!parsed.success) throw new CalibrationFileError(i + 1, issueList(parsed.error));
    cases.push(parsed.data);
  });
  return cases;
}

/** Agreement of predicted verdicts with the correct ones. */
export interface Agreement {
  accuracy: number;
  /**
   * Mean of the F1 of "met" and the F1 of "not met" — HealthBench's meta-evaluation "balanced F1".
   * A class the grader never predicts (or that never occurs) has F1 0 here, where simple-evals
   * leaves the metric undefined; so an always-"true" grader scores at most 0.5 instead of nothing.
   */
  macro_f1: number;
  f1_met: number;
  f1_not_met: number;
  n: number;
}

const f1 = (tp: number, fp: number, fn: number) => {
  const precision = tp + fp > 0 ? tp / (tp + fp) : 0;
  const recall = tp + fn > 0 ? tp / (tp + fn) : 0;
  return precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
};

/** Accuracy and macro F1 of `predicted` against `truth` (aligned arrays). */
export function agreement(predicted: readonly boolean[], truth: readonly boolean[]): Agreement {
  if (predicted.length !== truth.length) throw new Error('predictions and verdicts must align');
  let tp = 0, tn = 0, fp = 0, fn = 0;
  predicted.forEach((p, i) => {
    const t = truth[i]!;
    if (p && t) tp++;
    else if (!p && !t) tn++;
    else if (p && !t) fp++;
    else fn++;
  });
  const n = predicted.length;
  const f1Met = f1(tp, fp, fn);
  const f1NotMet = f1(tn, fn, fp);
  return { accuracy: n ? (tp + tn) / n : 0, macro_f1: (f1Met + f1NotMet) / 2, f1_met: f1Met, f1_not_met: f1NotMet, n };
}

export { MODEL_CHECK_THRESHOLDS, VERDICT_LABELS, type ModelVerdict } from './verdict';

export interface ModelCheckReport {
  verdict: ModelVerdict;
  /** Why the verdict is what it is, as data (`modelCheckReasonText` words it in English). */
  reasons: ModelCheckReason[];
  grading: Agreement & { byKind: Partial<Record<CalibrationKind, { accuracy: number; n: number }>> };
  /** Share of calls of each structured step whose reply was usable (after at most one repair). */
  structured: { classify: number; rubric: number; grade: number };
  /** Share of grading calls usable at the first try, without the repair round-trip. */
  gradeFirstTry: number;
  /** Tokens per second, from the engine's own reports; null when it reports none. */
  speed: { prefill_tps: number | null; decode_tps: number | null };
  engineLabel: string;
}

/**
 * Why a verdict is what it is, as data: the UI words it through its catalogs, the CLI through
 * `modelCheckReasonText`. Shares (`usable`) are fractions; thresholds travel with each reason.
 */
export type ModelCheckReason =
  | { code: 'grading_too_low'; macroF1: number; needed: number; suitable: number }
  | { code: 'grades_unusable'; usable: number; needed: number }
  | { code: 'grading_moderate'; macroF1: number; suitable: number }
  | { code: 'grade_some_unusable'; usable: number; suitable: number }
  | { code: 'classify_unusable'; usable: number }
  | { code: 'rubric_unusable'; usable: number }
  | { code: 'suitable' };

/** Applies the thresholds. */
export function decideVerdict(grading: Pick<Agreement, 'macro_f1'>, structured: ModelCheckReport['structured']): { verdict: ModelVerdict; reasons: ModelCheckReason[] } {
  const s = MODEL_CHECK_THRESHOLDS.suitable;
  const c = MODEL_CHECK_THRESHOLDS.caution;
  const reasons: ModelCheckReason[] = [];
  if (grading.macro_f1 < c.macroF1) reasons.push({ code: 'grading_too_low', macroF1: grading.macro_f1, needed: c.macroF1, suitable: s.macroF1 });
  if (structured.grade < c.gradeValid) reasons.push({ code: 'grades_unusable', usable: structured.grade, needed: c.gradeValid });
  if (reasons.length) return { verdict: 'not_suitable', reasons };
  if (grading.macro_f1 < s.macroF1) reasons.push({ code: 'grading_moderate', macroF1: grading.macro_f1, suitable: s.macroF1 });
  if (structured.grade < s.gradeValid) reasons.push({ code: 'grade_some_unusable', usable: structured.grade, suitable: s.gradeValid });
  if (structured.classify < s.stepValid) reasons.push({ code: 'classify_unusable', usable: structured.classify });
  if (structured.rubric < s.stepValid) reasons.push({ code: 'rubric_unusable', usable: structured.rubric });
  if (reasons.length) return { verdict: 'usable_with_caution', reasons };
  return { verdict: 'suitable', reasons: [{ code: 'suitable' }] };
}

/** A reason in English, for the CLI; the English `eval:check.reason` catalog words each the same way. */
export function modelCheckReasonText(reason: ModelCheckReason): string {
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  switch (reason.code) {
    case 'grading_too_low':
      return `Its grading agrees too little with the correct verdicts (macro F1 ${reason.macroF1.toFixed(2)}; at least ${reason.needed} is needed, ${reason.suitable} to be suitable).`;
    case 'grades_unusable':
      return `Too few of its grading replies were usable JSON (${pct(reason.usable)}; at least ${pct(reason.needed)} is needed).`;
    case 'grading_moderate':
      return `Its grading agreement is moderate (macro F1 ${reason.macroF1.toFixed(2)}; ${reason.suitable} or more is suitable).`;
    case 'grade_some_unusable':
      return `Some grading replies were unusable (${pct(reason.usable)} usable; ${pct(reason.suitable)} or more is suitable).`;
    case 'classify_unusable':
      return `Its scenario classifications were often unusable (${pct(reason.usable)}); the rule-based classifier will stand in.`;
    case 'rubric_unusable':
      return `Its rubrics were often unusable (${pct(reason.usable)}); the principles' own checks will stand in.`;
    case 'suitable':
      return 'It grades like the reference verdicts and its structured replies are usable.';
  }
}

/** Collects the ChatUsage of every call, to report speed. */
class UsageCollector implements ChatEngine {
  readonly usages: ChatUsage[] = [];
  constructor(private readonly inner: ChatEngine) {}
  get label() {
    return this.inner.label;
  }
  get contextWindow() {
    return this.inner.contextWindow;
  }
  async chat(messages: ChatMessage[], options?: ChatOptions): Promise<ChatResult> {
    const result = await this.inner.chat(messages, options);
    this.usages.push(result.usage);
    return result;
  }
  async dispose() {}
}

/** Tokens per second over many calls: total tokens ÷ total time implied by each call's own rate. */
export function overallRate(pairs: readonly { tokens: number | null; tps: number | undefined }[]): number | null {
  let tokens = 0;
  let seconds = 0;
  for (const p of pairs) {
    if (!p.tokens || !p.tps || !Number.isFinite(p.tps) || p.tps <= 0) continue;
    tokens += p.tokens;
    seconds += p.tokens / p.tps;
  }
  return seconds > 0 ? tokens / seconds : null;
}

export interface ModelCheckInput {
  engine: ChatEngine;
  cases: readonly CalibrationCase[];
  /** The principle library, for the rubric probes. */
  principles: readonly PoolCandidate[];
  signal: AbortSignal;
  /** How many distinct questions to probe classification and rubric writing with (default 3). */
  probes?: number;
  /** Calls at once for the grading cases (server engines); default 1. */
  concurrency?: number;
  onProgress?: (done: number, total: number) => void;
}

const isOutputFailure = (err: unknown) => err instanceof StructuredOutputError || err instanceof TruncatedOutputError;

/** Runs the model check. Engine failures other than unusable output (server down, Stop) are thrown. */
export async function runModelCheck(input: ModelCheckInput): Promise<ModelCheckReport> {
  const engine = new UsageCollector(input.engine);
  const { signal } = input;
  // Distinct conversations, read the way the loop reads them: the whole text for the model, what the user said for retrieval.
  const byText = new Map(input.cases.map((c) => [conversationText(c.conversation as Turn[]), userText(c.conversation as Turn[])]));
  const questions = [...byText.keys()].slice(0, input.probes ?? 3);
  const total = questions.length * 2 + input.cases.length;
  let done = 0;
  const tick = () => input.onProgress?.(++done, total);

  let classifyOk = 0;
  let rubricOk = 0;
  for (const question of questions) {
    throwIfAborted(signal);
    let scenario: Scenario;
    try {
      scenario = (await requestStructured(engine, classifyMessages(question), { what: 'scenario classification', name: 'scenario', schema: ScenarioSchema, maxTokens: CLASSIFY_MAX_TOKENS, signal })).value;
      classifyOk++;
    } catch (err) {
      if (!isOutputFailure(err)) throw err;
      scenario = classifyScenarioOffline(byText.get(question)!, input.principles);
    }
    tick();
    const pool = selectPrinciplePool(scenario, byText.get(question)!, input.principles, { maxSize: 8, ...learnedPoolHints(byText.get(question)!, scenario) });
    const byId = new Map(input.principles.map((p) => [p.id, p]));
    try {
      await synthesiseRubric(engine, question, scenario, pool.flatMap((e) => byId.get(e.id) ?? []), signal);
      rubricOk++;
    } catch (err) {
      if (!isOutputFailure(err)) throw err;
    }
    tick();
  }

  const predictions: (boolean | null)[] = new Array(input.cases.length).fill(null);
  let firstTry = 0;
  let next = 0;
  const worker = async () => {
    while (next < input.cases.length) {
      const i = next++;
      const c = input.cases[i]!;
      throwIfAborted(signal);
      try {
        const v = await gradeItem(engine, c.conversation as Turn[], c.reply, { criterion: c.criterion, points: c.points, tags: [] }, signal);
        predictions[i] = v.met;
        if (!v.repaired) firstTry++;
      } catch (err) {
        if (!isOutputFailure(err)) throw err;
      }
      tick();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, input.concurrency ?? 1) }, worker));

  // A case without a usable verdict counts as a wrong one.
  const truth = input.cases.map((c) => c.verdict);
  const predicted = predictions.map((p, i) => p ?? !truth[i]);
  const grading = agreement(predicted, truth);
  const byKind: ModelCheckReport['grading']['byKind'] = {};
  for (const kind of CALIBRATION_KINDS) {
    const idx = input.cases.flatMap((c, i) => (c.kind === kind ? [i] : []));
    if (idx.length) byKind[kind] = { accuracy: idx.filter((i) => predicted[i] === truth[i]).length / idx.length, n: idx.length };
  }
  const n = input.cases.length;
  const structured = {
    classify: questions.length ? classifyOk / questions.length : 0,
    rubric: questions.length ? rubricOk / questions.length : 0,
    grade: n ? predictions.filter((p) => p !== null).length / n : 0,
  };
  const speed = {
    prefill_tps: overallRate(engine.usages.map((u) => ({ tokens: u.promptTokens, tps: u.prefillTokensPerSecond }))),
    decode_tps: overallRate(engine.usages.map((u) => ({ tokens: u.completionTokens, tps: u.decodeTokensPerSecond }))),
  };
  const { verdict, reasons } = decideVerdict(grading, structured);
  return { verdict, reasons, grading: { ...grading, byKind }, structured, gradeFirstTry: n ? firstTry / n : 0, speed, engineLabel: input.engine.label };
}

/** The `check-model --json` contract. */
export interface ModelCheckJson {
  verdict: ModelVerdict;
  grading: { accuracy: number; macro_f1: number; n: number };
  structured: { classify: number; rubric: number; grade: number };
  speed: { prefill_tps: number | null; decode_tps: number | null };
}

export function modelCheckJson(r: ModelCheckReport): ModelCheckJson {
  return {
    verdict: r.verdict,
    grading: { accuracy: r.grading.accuracy, macro_f1: r.grading.macro_f1, n: r.grading.n },
    structured: { ...r.structured },
    speed: { ...r.speed },
  };
}


