// Named scripts for the test doubles (the in-process ScriptedEngine and the scripted HTTP server):
// given the conversation of one call, what a model following that script would reply.
// These are doubles — they exercise plumbing, never model quality.

import { REVISE_MARKER } from '../../src/lib/core/pipeline/answerPrompts';
import { GRADE_ITEM_MARKER, GRADE_MARKER } from '../../src/lib/core/grading/gradePrompts';
import type { ChatMessage, FinishReason } from '../../src/lib/core/chat';
import { HB_GRADER_MARKER, HB_GRADER_SCHEMA_NAME } from '../../src/lib/core/eval/graderPrompt';

/** `grade` is batched grading in the answer thread; `grade_item` one per-item grading call; `hb_grade` one HealthBench verdict (evaluation). */
export type Step = 'classify' | 'rubric' | 'grade' | 'grade_item' | 'hb_grade' | 'draft' | 'revise';

export interface ScriptedReply {
  text: string;
  finishReason?: FinishReason;
}

export interface ScriptCall {
  messages: readonly ChatMessage[];
  schemaName: string | undefined;
  /** How many calls of this step came before this one, in this run. */
  nth: number;
}

export type Script = (step: Step, call: ScriptCall) => ScriptedReply;

/** Which pipeline step a call belongs to, from its schema name or, failing that, its prompts. */
export function detectStep(messages: readonly ChatMessage[], schemaName: string | undefined): Step {
  if (schemaName === 'scenario') return 'classify';
  if (schemaName === 'rubric') return 'rubric';
  if (schemaName === 'grades') return 'grade';
  if (schemaName === 'grade_item') return 'grade_item';
  if (schemaName === HB_GRADER_SCHEMA_NAME) return 'hb_grade';
  const system = messages[0]?.content ?? '';
  if (/classify health questions/i.test(system)) return 'classify';
  if (/write grading rubrics/i.test(system)) return 'rubric';
  if (system.startsWith(GRADE_ITEM_MARKER)) return 'grade_item';
  if (system.startsWith(HB_GRADER_MARKER)) return 'hb_grade';
  const last = [...messages].reverse().find((m) => m.role === 'user')?.content ?? '';
  if (last.startsWith(GRADE_MARKER)) return 'grade';
  if (last.startsWith(REVISE_MARKER)) return 'revise';
  return 'draft';
}

/** Rubric item ids and points listed in the last grading instruction. */
export function rubricIdsInPrompt(messages: readonly ChatMessage[]): { id: string; points: number }[] {
  const last = [...messages].reverse().find((m) => m.role === 'user' && /^R\d+ \(/m.test(m.content))?.content ?? '';
  return [...last.matchAll(/^(R\d+) \(([+-]?\d+)\)/gm)].map((m) => ({ id: m[1]!, points: Number(m[2]) }));
}

const SCENARIO = { urgency: 'urgent', uncertainty: 'missing_context', expertise: 'layperson', task_type: 'advice' };

/** The scripted rubric, in the compact form the rubric prompt asks for: [criterion, points, axis code, principle id]. */
const RUBRIC = {
  items: [
    ['Advises seeking same-day medical review for the symptoms described', 8, 'acc', null],
    ['Asks how long the symptoms have lasted', 5, 'ctx', null],
    ['Explains warning signs that need emergency care', 6, 'comp', null],
    ['Uses plain language without unexplained jargon', 3, 'comm', null],
    ['Tells the person to wait a week before seeking any care', -8, 'acc', null],
  ],
};

/**
 * Batched grades where the first `metPositives` positive items are met and no negative item is, in
 * the positional form the grading prompt asks for: a quote when met, false when not.
 */
function gradesReply(messages: readonly ChatMessage[], metPositives: number): string {
  let positives = 0;
  const verdicts = rubricIdsInPrompt(messages).map(({ points }) => (points > 0 && positives++ < metPositives ? 'stated in the answer' : false));
  return JSON.stringify({ met: verdicts });
}

/** How many revisions produced the answer a per-item grading call is judging (0 for a draft). */
function revisionsBehind(messages: readonly ChatMessage[]): number {
  const prompt = messages[messages.length - 1]?.content ?? '';
  return Number(/Revised answer (\d+)/.exec(prompt)?.[1] ?? 0);
}

/** A per-item verdict: met for positive items among the first `metPositives` (positives come first in RUBRIC). */
function gradeItemReply(messages: readonly ChatMessage[], metPositives: number): string {
  const item = /^(R(\d+)) \(([+-]?\d+)\)/m.exec(messages[messages.length - 1]?.content ?? '');
  const met = item !== null && Number(item[3]) > 0 && Number(item[2]) <= metPositives;
  return JSON.stringify({ met, evidence: met ? 'stated in the answer' : '' });
}

/** The rubric item and the reply under test in a HealthBench grading prompt. */
export function healthBenchGradingCall(messages: readonly ChatMessage[]): { points: number; criterion: string; reply: string } {
  const prompt = messages[0]?.content ?? '';
  const item = /# Rubric item\n\[(-?\d+(?:\.\d+)?)\] (.*)\n/.exec(prompt);
  const transcript = prompt.split('# Rubric item')[0] ?? '';
  const lastAssistant = transcript.lastIndexOf('\n\nassistant: ');
  const reply = lastAssistant === -1 ? '' : transcript.slice(lastAssistant + '\n\nassistant: '.length).trim();
  return { points: Number(item?.[1] ?? 0), criterion: item?.[2] ?? '', reply };
}

/**
 * A HealthBench verdict: a revised reply meets every positive item and no negative one; any other
 * reply meets the positive items with even points and the negative items with odd points.
 */
function healthBenchVerdict(messages: readonly ChatMessage[]): string {
  const { points, reply } = healthBenchGradingCall(messages);
  const revised = reply.startsWith('Revised answer');
  const met = revised ? points > 0 : points > 0 ? points % 2 === 0 : Math.abs(points) % 2 === 1;
  return JSON.stringify({ explanation: met ? 'The reply does what the item describes.' : 'The reply does not do this.', criteria_met: met });
}

/** The default script: the draft meets 1 positive item and each revision one more (scores .36, .59, .86). */
const improves: Script = (step, call) => {
  switch (step) {
    case 'classify':
      return { text: JSON.stringify(SCENARIO) };
    case 'rubric':
      return { text: JSON.stringify(RUBRIC) };
    case 'draft':
      return { text: 'Draft answer: rest and drink fluids.' };
    case 'revise':
      return { text: `Revised answer ${call.nth + 1}: see a doctor today; call emergency services if it gets worse.` };
    case 'grade':
      return { text: gradesReply(call.messages, 1 + call.nth) };
    case 'grade_item':
      return { text: gradeItemReply(call.messages, 1 + revisionsBehind(call.messages)) };
    case 'hb_grade':
      return { text: healthBenchVerdict(call.messages) };
  }
};

/** Revisions never score better than the draft: the loop must stop and keep the draft. */
const plateau: Script = (step, call) => {
  if (step === 'grade') return { text: gradesReply(call.messages, call.nth === 0 ? 2 : 1) };
  if (step === 'grade_item') return { text: gradeItemReply(call.messages, revisionsBehind(call.messages) === 0 ? 2 : 1) };
  return improves(step, call);
};

/** A model that wraps JSON in thinking, fences and chatter. */
const chatty: Script = (step, call) => {
  const reply = improves(step, call);
  if (step === 'draft' || step === 'revise') return { text: `<think>Let me think.</think>${reply.text}` };
  return { text: `<think>hmm {not json}</think>Sure! Here it is:\n\`\`\`json\n${reply.text}\n\`\`\`\nHope that helps.` };
};

/** The first structured reply of each step is broken; the repair succeeds. */
const malformedOnce: Script = (step, call) => {
  const isRepair = call.messages.some((m) => m.role === 'user' && /could not be used/.test(m.content));
  if ((step === 'rubric' || step === 'grade') && !isRepair) return { text: '{"items": [ oops' };
  return improves(step, call);
};

/** Grading never yields usable JSON: the run must fail at the grade step, keeping earlier steps. */
const gradeAlwaysMalformed: Script = (step, call) =>
  step === 'grade' ? { text: 'I think the answer is fine.' } : improves(step, call);

/** Classification output is garbage: the rule-based fallback must take over. */
const classifyGarbage: Script = (step, call) =>
  step === 'classify' ? { text: '{"urgency": "very", "colour": "blue"}' } : improves(step, call);

/** Grading is cut off by the token limit both times. */
const gradeTruncated: Script = (step, call) =>
  step === 'grade' ? { text: '{"grades":[{"id":"R1","met":true,"evid', finishReason: 'length' } : improves(step, call);

export const SCRIPTS = { improves, plateau, chatty, malformedOnce, gradeAlwaysMalformed, classifyGarbage, gradeTruncated } as const;
export type ScriptName = keyof typeof SCRIPTS;
