// Getting JSON out of a model, whatever the engine does with `response_format`: thinking blocks,
// markdown fences, prose around the object, trailing commas. Validate, repair once, then fail typed.

import type { z } from 'zod';
import type { ChatEngine, ChatMessage, ChatResult } from '../chat';
import { StructuredOutputError, TruncatedOutputError } from '../errors';
import { schemaForGrammar } from './grammarSchema';
import { describeIssues, jsonSchemaOf } from '../schemas';

/** Removes reasoning blocks. An unclosed `<think>` means the whole reply was thinking. */
export function stripThinking(text: string): string {
  let out = text.replace(/<think>[\s\S]*?<\/think>/gi, '');
  const open = out.search(/<think>/i);
  if (open !== -1) out = out.slice(0, open);
  // Some servers put only the closing tag in the content (the opening one lives in the template).
  const close = out.search(/<\/think>/i);
  if (close !== -1) out = out.slice(close + '</think>'.length);
  return out.trim();
}

/** Finds the end of the balanced JSON value starting at `start`, honouring strings; -1 if unbalanced. */
function balancedEnd(text: string, start: number): number {
  const stack: string[] = [];
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') inString = true;
    else if (ch === '{' || ch === '[') stack.push(ch === '{' ? '}' : ']');
    else if (ch === '}' || ch === ']') {
      if (stack.pop() !== ch) return -1;
      if (stack.length === 0) return i;
    }
  }
  return -1;
}

/** Parses JSON, forgiving trailing commas (a common small-model slip). */
function parseLenient(candidate: string): unknown {
  try {
    return JSON.parse(candidate);
  } catch {
    return JSON.parse(candidate.replace(/,\s*([}\]])/g, '$1'));
  }
}

export type ExtractResult = { ok: true; value: unknown } | { ok: false; problem: string };

/**
 * Pulls the first parseable JSON object (or array) out of a model reply.
 * Looks inside fenced code blocks first, then scans the text for balanced braces.
 */
export function extractJson(reply: string): ExtractResult {
  const text = stripThinking(reply);
  if (!text) return { ok: false, problem: 'the reply was empty' };
  const candidates: string[] = [];
  for (const m of text.matchAll(/```(?:json|JSON)?\s*\n?([\s\S]*?)```/g)) {
    if (m[1]) candidates.push(m[1].trim());
  }
  candidates.push(text);
  for (const candidate of candidates) {
    for (let i = 0; i < candidate.length; i++) {
      const ch = candidate[i];
      if (ch !== '{' && ch !== '[') continue;
      const end = balancedEnd(candidate, i);
      if (end === -1) continue;
      try {
        return { ok: true, value: parseLenient(candidate.slice(i, end + 1)) };
      } catch {
        // Not JSON after all (e.g. "[see above]"); keep scanning.
      }
    }
  }
  return { ok: false, problem: 'no JSON object found in the reply' };
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; problems: string[] };

/** Extracts and validates a reply against a schema, plus an optional semantic check. */
export function parseStructured<S extends z.ZodType>(
  reply: string,
  schema: S,
  check?: (value: z.output<S>) => string[],
): ParseResult<z.output<S>> {
  const extracted = extractJson(reply);
  if (!extracted.ok) return { ok: false, problems: [extracted.problem] };
  const parsed = schema.safeParse(extracted.value);
  if (!parsed.success) return { ok: false, problems: describeIssues(parsed.error) };
  const problems = check ? check(parsed.data) : [];
  return problems.length ? { ok: false, problems } : { ok: true, value: parsed.data };
}

export interface StructuredRequest<S extends z.ZodType> {
  /** What is being asked for, in user words ("scenario classification"). */
  what: string;
  /** Schema name sent to the engine. */
  name: string;
  schema: S;
  /**
   * The JSON Schema sent to the engine, when it can be stricter than `schema` (exact ids, bounded
   * strings), so a grammar-constrained engine can only produce replies that pass validation.
   * Defaults to the JSON Schema of `schema`.
   */
  jsonSchema?: Record<string, unknown>;
  /** Extra checks the schema cannot express (e.g. ids must match the rubric). */
  check?: (value: z.output<S>) => string[];
  /** The checks the repaired reply must pass (default: `check`); lets a step accept a merely imperfect reply. */
  checkAfterRepair?: (value: z.output<S>) => string[];
  maxTokens: number;
  signal?: AbortSignal;
}

export interface StructuredReply<T> {
  value: T;
  /** Every call made, in order (1 or 2), for accounting. */
  calls: { messages: ChatMessage[]; result: ChatResult }[];
}

/**
 * Asks the engine for a structured reply. If it is unusable (or cut off), asks once more in the
 * same conversation, saying what was wrong; if that fails too, throws a typed error.
 */
export async function requestStructured<S extends z.ZodType>(
  engine: ChatEngine,
  messages: ChatMessage[],
  request: StructuredRequest<S>,
): Promise<StructuredReply<z.output<S>>> {
  const spec = { name: request.name, schema: request.jsonSchema ? schemaForGrammar(request.jsonSchema) : jsonSchemaOf(request.schema) };
  const options = { schema: spec, maxTokens: request.maxTokens, temperature: 0, thinking: false, signal: request.signal };
  const calls: StructuredReply<z.output<S>>['calls'] = [];

  const first = await engine.chat(messages, options);
  calls.push({ messages, result: first });
  const firstParse = first.finishReason === 'length' ? null : parseStructured(first.text, request.schema, request.check);
  if (firstParse?.ok) return { value: firstParse.value, calls };

  const complaint = firstParse
    ? `That reply could not be used: ${firstParse.problems.slice(0, 5).join('; ')}.`
    : 'That reply was cut off before it was complete. Keep every text field shorter.';
  const repairMessages: ChatMessage[] = [
    ...messages,
    { role: 'assistant', content: first.text },
    { role: 'user', content: `${complaint} Reply again with only the corrected JSON object, nothing else.` },
  ];
  const second = await engine.chat(repairMessages, options);
  calls.push({ messages: repairMessages, result: second });
  if (second.finishReason === 'length') throw new TruncatedOutputError(request.what, request.maxTokens);
  const secondParse = parseStructured(second.text, request.schema, request.checkAfterRepair ?? request.check);
  if (secondParse.ok) return { value: secondParse.value, calls };
  throw new StructuredOutputError(request.what, secondParse.problems);
}
