// The JSONL lines of rubric synthesis at scale: unlabeled queries in, principle-grounded rubrics out
// (items in HealthBench form, ready for evaluation and for trainers).

import { z } from 'zod';
import { conversationProblems, singleQuestion, type Turn } from '../conversation';
import { issueList, type LineProblem } from '../healthbench/format';
import type { RubricItem, Scenario } from '../types';

/** One query to synthesise a rubric for. */
export interface SynthesisQuery {
  id: string;
  conversation: Turn[];
}

/** One output line. */
export interface SynthesisLine {
  id: string;
  scenario: Scenario;
  /** The principle pool the rubric was written from, best first. */
  principles: string[];
  /** HealthBench-form items; tags carry `axis:…` and, when an item comes from a principle, `principle:…`. */
  rubric: { criterion: string; points: number; tags: string[] }[];
  model: string;
  created_at: string;
}

const QuerySchema = z.union([
  z.object({
    id: z.union([z.string().trim().min(1), z.number()]),
    prompt: z.array(z.object({ role: z.enum(['system', 'user', 'assistant']), content: z.string() })).min(1),
  }),
  z.object({ id: z.union([z.string().trim().min(1), z.number()]), question: z.string().trim().min(1, 'question is empty') }),
]);

export type ParsedQuery = { ok: true; query: SynthesisQuery } | { ok: false; problem: LineProblem };

/** Reads one input line: `{id, prompt:[messages]}` or `{id, question}` (1-based `lineNumber`). */
export function parseSynthesisQuery(text: string, lineNumber: number): ParsedQuery {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, problem: { line: lineNumber, problems: ['not valid JSON'] } };
  }
  const parsed = QuerySchema.safeParse(json);
  if (!parsed.success) {
    return { ok: false, problem: { line: lineNumber, problems: ['expected {id, prompt:[messages]} or {id, question}', ...issueList(parsed.error).slice(0, 3)] } };
  }
  const value = parsed.data;
  const conversation = 'prompt' in value ? value.prompt : singleQuestion(value.question);
  const problems = conversationProblems(conversation).map((p) => `prompt: ${p}`);
  if (problems.length) return { ok: false, problem: { line: lineNumber, problems } };
  return { ok: true, query: { id: String(value.id), conversation } };
}

/** Rubric items in HealthBench form. */
export function toHealthBenchItems(rubric: readonly RubricItem[]): SynthesisLine['rubric'] {
  return rubric.map((item) => ({
    criterion: item.criterion,
    points: item.points,
    tags: [`axis:${item.axis}`, ...(item.principle_id ? [`principle:${item.principle_id}`] : [])],
  }));
}

/** An output line as JSON text (no newline), fields in the documented order. */
export function synthesisLineText(line: SynthesisLine): string {
  return JSON.stringify({
    id: line.id,
    scenario: line.scenario,
    principles: line.principles,
    rubric: line.rubric,
    model: line.model,
    created_at: line.created_at,
  });
}

/** The id of an output line already written, or null when the line is incomplete or not ours. */
export function writtenId(text: string): string | null {
  try {
    const value = JSON.parse(text) as { id?: unknown; rubric?: unknown };
    return typeof value.id === 'string' && Array.isArray(value.rubric) ? value.id : null;
  } catch {
    return null;
  }
}
