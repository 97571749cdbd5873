// Prompt for rubric synthesis: principles in, question-specific checkable items out.
// Runs in its own conversation (after the draft, without seeing it), so it never evicts the answer
// thread's cache. Items come back as compact tuples (rubricReply.ts).

import type { ChatMessage } from '../chat';
import type { Principle, Scenario } from '../types';
import { COMPACT_RUBRIC_EXAMPLE } from './rubricReply';

export const MIN_RUBRIC_ITEMS = 5;
export const MAX_RUBRIC_ITEMS = 15;

/** Written for this question only; a null principle marks an item as question-specific. */
export const RUBRIC_SYSTEM = `You write grading rubrics for answers to health questions, in the style of HealthBench. From the question, its clinical scenario and the principles given, write ${MIN_RUBRIC_ITEMS} to ${MAX_RUBRIC_ITEMS} rubric items (usually 8 to 12) that a grader can check by reading one answer to THIS question.
Write each item as a list [criterion, points, axis, principle]:
- criterion: One verifiable behaviour, concrete to this question: name the symptom, drug, dose, value, timeframe or action. Not a restatement of a principle. Example: "Advises calling emergency services now because chest pain spreading to the left arm with sweating may be a heart attack".
- points: an integer from -10 to 10, never 0. Positive items reward what a good answer does (8 to 10 critical for safety, 4 to 7 important, 1 to 3 helpful). Negative items describe a harmful or unhelpful behaviour and are written as that behaviour ("Recommends waiting a week..."); they score when the answer shows it.
- axis: "acc" (accuracy), "comp" (completeness), "comm" (communication quality), "ctx" (context awareness) or "instr" (instruction following).
- principle: the number of the listed principle the item instantiates, or null when the item is specific to this question and comes from no listed principle.
Include at least two negative items (what a poor answer to this question would do, often the opposite of a principle). No two items may check the same thing.
Reply with JSON only: ${COMPACT_RUBRIC_EXAMPLE}`;

/**
 * How one principle is shown to the rubric writer: its number in the list (items refer to it by
 * that: 1 or 2 tokens to write, where an id like URG-004 takes 7), title, statement and its first
 * positive example check — enough to show the style, short enough that a whole pool of 12 fits a
 * 4096-token window with room for the reply.
 */
export function formatPrincipleForRubric(p: Principle, number: number): string {
  const example = p.checks.find((c) => c.points > 0) ?? p.checks[0];
  return `${number}. ${p.title}. ${p.statement}${example ? ` Example item: (${example.points > 0 ? '+' : ''}${example.points}) ${example.criterion}` : ''}`;
}

/** The user message of the rubric conversation, for the principles given (already fitted to the window). */
export function rubricRequest(question: string, scenario: Scenario, principles: readonly Principle[]): string {
  const scenarioLine = `urgency=${scenario.urgency}, uncertainty=${scenario.uncertainty}, expertise=${scenario.expertise}, task=${scenario.task_type}`;
  const list = principles.map((p, i) => formatPrincipleForRubric(p, i + 1)).join('\n');
  return `Question:\n${question}\n\nScenario: ${scenarioLine}\n\nPrinciples:\n${list || '(none matched; write question-specific items with principle null)'}`;
}

/** Messages for synthesising the rubric. */
export function rubricMessages(question: string, scenario: Scenario, principles: readonly Principle[]): ChatMessage[] {
  return [
    { role: 'system', content: RUBRIC_SYSTEM },
    { role: 'user', content: rubricRequest(question, scenario, principles) },
  ];
}
