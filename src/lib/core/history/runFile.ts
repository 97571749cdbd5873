// The History file format: JSON Lines, one stored Run per line, as exported and imported. Each line
// is validated on its own so a bad file is refused with the numbers of its bad lines.

import { z } from 'zod';
import { AXES, SCENARIO_VALUES, type Run } from '../types';

const step = z.enum(['classify', 'select_principles', 'rubric', 'draft', 'grade', 'revise']);
const dimension = z.enum(['urgency', 'uncertainty', 'expertise', 'task_type']);

const ScenarioRecord = z.object({
  urgency: z.enum(SCENARIO_VALUES.urgency),
  uncertainty: z.enum(SCENARIO_VALUES.uncertainty),
  expertise: z.enum(SCENARIO_VALUES.expertise),
  task_type: z.enum(SCENARIO_VALUES.task_type),
});

/** A stored run, checked strictly enough that the run view can render whatever passes. */
export const RunRecordSchema = z.object({
  id: z.string().min(1).max(200),
  question: z.string(),
  context: z.array(z.object({ role: z.enum(['system', 'user', 'assistant']), content: z.string() })).optional(),
  previousRunId: z.string().min(1).max(200).optional(),
  createdAt: z.number().finite(),
  updatedAt: z.number().finite(),
  status: z.enum(['running', 'done', 'failed', 'stopped']),
  options: z.object({
    rounds: z.number().int().min(0),
    targetScore: z.number(),
    poolSize: z.number().int().min(0),
    userDraft: z.string().optional(),
    grading: z.enum(['batched', 'per-item']).optional(),
    scenarioClassifier: z.enum(['auto', 'model']).optional(),
  }),
  engineLabel: z.string(),
  scenario: ScenarioRecord.nullable(),
  scenarioSource: z.enum(['model', 'rules', 'fallback']).nullable(),
  rubricSource: z.enum(['model', 'principles']).nullable().optional(),
  pool: z.array(z.object({ id: z.string(), dimension, title: z.string(), reason: z.string(), score: z.number() })),
  rubric: z.array(
    z.object({ id: z.string(), criterion: z.string(), points: z.number(), axis: z.enum(AXES), principle_id: z.string().nullable() }),
  ),
  rounds: z.array(
    z.object({
      index: z.number().int().min(0),
      kind: z.enum(['draft', 'user_draft', 'revision']),
      answer: z.string(),
      grades: z.array(z.object({ item_id: z.string(), met: z.boolean(), evidence: z.string() })),
      score: z.number().nullable(),
      truncated: z.boolean(),
    }),
  ),
  final: z
    .object({ round: z.number().int(), answer: z.string(), score: z.number(), reason: z.enum(['target_reached', 'no_improvement', 'max_rounds']) })
    .nullable(),
  currentStep: step.nullable(),
  failure: z.object({ step, code: z.string(), message: z.string() }).nullable(),
  usage: z
    .object({
      calls: z.number(),
      promptTokens: z.number(),
      cachedPromptTokens: z.number(),
      completionTokens: z.number(),
      continuedCalls: z.number(),
      prefillSeconds: z.number(),
      timedPromptTokens: z.number(),
      decodeSeconds: z.number(),
      timedCompletionTokens: z.number(),
      modelSeconds: z.number(),
    })
    .optional(),
});

/** One line of a runs file: the run, or what is wrong with it. */
export type RunLineResult = { ok: true; run: Run } | { ok: false; problem: string };

/** Parses one non-empty line of a runs file. */
export function parseRunLine(line: string): RunLineResult {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { ok: false, problem: 'not valid JSON' };
  }
  const parsed = RunRecordSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length ? issue.path.join('.') : 'the record';
    return { ok: false, problem: `${where}: ${issue.message}` };
  }
  return { ok: true, run: parsed.data as Run };
}

/** One run as a line of the runs file (with its newline). */
export function runLine(run: Run): string {
  return `${JSON.stringify(run)}\n`;
}
