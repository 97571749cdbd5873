// HealthBench JSONL, the format of openai/simple-evals' HealthBench files and of the evaluation sets
// ClinRevise reads and writes: one example a line. Shared by evaluation, rubric export and the CLI.

import { z } from 'zod';
import { conversationProblems, type Turn } from '../conversation';

/** One rubric item as HealthBench writes it; tags such as `axis:accuracy`, `level:example`. */
export interface HealthBenchRubricItem {
  criterion: string;
  /** Non-zero; negative items describe a bad behaviour (met = present). HealthBench uses integers. */
  points: number;
  tags: string[];
}

/** One HealthBench example. Fields we do not use (ideal completions…) are kept in `extra`. */
export interface HealthBenchExample {
  prompt_id: string;
  prompt: Turn[];
  rubrics: HealthBenchRubricItem[];
  /** Example-level tags such as `theme:emergency_referrals`, `physician_agreed_category:…`. */
  example_tags: string[];
}

const TurnSchema = z.object({
  role: z.enum(['system', 'user', 'assistant']),
  content: z.string(),
});

const RubricItemSchema = z.object({
  criterion: z.string().trim().min(1, 'criterion is empty'),
  points: z.number().finite().refine((n) => n !== 0, { message: 'points must not be 0' }),
  tags: z.array(z.string()).default([]),
});

/** The schema of one line. Unknown fields are allowed (and ignored). */
export const HealthBenchExampleSchema = z.object({
  prompt_id: z.string().trim().min(1, 'prompt_id is empty'),
  prompt: z.array(TurnSchema).min(1, 'prompt has no messages'),
  rubrics: z.array(RubricItemSchema).min(1, 'rubrics is empty'),
  example_tags: z.array(z.string()).default([]),
});

/** A line that could not be read, with its 1-based number and every problem in it. */
export interface LineProblem {
  line: number;
  problems: string[];
}

export type ParsedLine = { ok: true; example: HealthBenchExample } | { ok: false; problem: LineProblem };

/** Zod issues as "field: message" strings, e.g. `rubrics.2.points: points must not be 0`. */
export function issueList(error: z.ZodError): string[] {
  return error.issues.map((i) => `${i.path.length ? `${i.path.join('.')}: ` : ''}${i.message}`);
}

/**
 * Parses one JSONL line (1-based `lineNumber`, for messages). Also checks that the conversation ends
 * with a user message and that at least one item has positive points (else nothing can be scored).
 */
export function parseHealthBenchLine(text: string, lineNumber: number): ParsedLine {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, problem: { line: lineNumber, problems: ['not valid JSON'] } };
  }
  const parsed = HealthBenchExampleSchema.safeParse(json);
  if (!parsed.success) return { ok: false, problem: { line: lineNumber, problems: issueList(parsed.error) } };
  const example: HealthBenchExample = {
    prompt_id: parsed.data.prompt_id,
    prompt: parsed.data.prompt,
    rubrics: parsed.data.rubrics,
    example_tags: parsed.data.example_tags,
  };
  const problems = conversationProblems(example.prompt).map((p) => `prompt: ${p}`);
  if (!example.rubrics.some((r) => r.points > 0)) problems.push('rubrics: no item has positive points, so the example cannot be scored');
  return problems.length ? { ok: false, problem: { line: lineNumber, problems } } : { ok: true, example };
}

/** One example as a JSONL line (no trailing newline), fields in HealthBench's order. */
export function healthBenchLine(example: HealthBenchExample): string {
  return JSON.stringify({
    prompt_id: example.prompt_id,
    prompt: example.prompt.map((t) => ({ role: t.role, content: t.content })),
    rubrics: example.rubrics.map((r) => ({ criterion: r.criterion, points: r.points, tags: r.tags })),
    example_tags: example.example_tags,
  });
}

/** The value of the first tag with this prefix (`tagValue(tags, 'axis')` → "accuracy"), or null. */
export function tagValue(tags: readonly string[], prefix: string): string | null {
  const tag = tags.find((t) => t.startsWith(`${prefix}:`));
  return tag ? tag.slice(prefix.length + 1) : null;
}
