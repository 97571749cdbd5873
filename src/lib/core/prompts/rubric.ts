// Prompt for rubric synthesis: principles in, question-specific checkable items out.
// Runs in its own conversation before the draft, so it never evicts the answer thread's cache.

import type { ChatMessage } from '../../engine/types';
import type { Principle, Scenario } from '../types';

export const RUBRIC_SYSTEM = `You write grading rubrics for answers to health questions, in the style of HealthBench. Given a question, its clinical scenario and a set of principles, write 5 to 12 rubric items that a grader can check by reading an answer to THIS question.
Rules:
- One verifiable behaviour per item, concrete to this question (name the symptom, drug, value or action), not a restatement of the principle.
- "points" is an integer from -10 to 10, never 0. Positive items reward what a good answer does (8-10 critical for safety, 4-7 important, 1-3 helpful). Negative items describe a harmful or unhelpful behaviour; they score when that behaviour is present.
- Include at least one negative item.
- "axis" is one of accuracy, completeness, communication_quality, context_awareness, instruction_following.
- "principle_id" is the id of the principle the item comes from, or null if it is specific to the question only.
Reply with JSON only: {"items":[{"criterion":"...","points":8,"axis":"accuracy","principle_id":"URG-001"}]}`;

/** How one principle is shown to the rubric writer: id, title, statement and its check templates. */
export function formatPrincipleForRubric(p: Principle): string {
  const checks = p.checks.map((c) => `(${c.points > 0 ? '+' : ''}${c.points}) ${c.criterion}`).join(' | ');
  return `${p.id} ${p.title}: ${p.statement} Example checks: ${checks}`;
}

/** Messages for synthesising the rubric. */
export function rubricMessages(question: string, scenario: Scenario, principles: readonly Principle[]): ChatMessage[] {
  const scenarioLine = `urgency=${scenario.urgency}, uncertainty=${scenario.uncertainty}, expertise=${scenario.expertise}, task=${scenario.task_type}`;
  const list = principles.map(formatPrincipleForRubric).join('\n');
  return [
    { role: 'system', content: RUBRIC_SYSTEM },
    {
      role: 'user',
      content: `Question:\n${question}\n\nScenario: ${scenarioLine}\n\nPrinciples:\n${list || '(none matched; write question-specific items)'}`,
    },
  ];
}
