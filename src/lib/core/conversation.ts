// A conversation to answer: earlier turns, then the user's latest message. HealthBench examples and
// follow-up questions are conversations; a single question is the one-turn case and reads the same.

import type { ChatMessage } from './chat';

export type TurnRole = 'system' | 'user' | 'assistant';

/** One message of a conversation as a dataset or the user gives it. */
export interface Turn {
  role: TurnRole;
  content: string;
}

/** Turns ending in a user message (the one to answer). */
export type Conversation = readonly Turn[];

/** A one-question conversation. */
export function singleQuestion(question: string): Turn[] {
  return [{ role: 'user', content: question }];
}

/** Problems that make `turns` unusable as a conversation to answer (empty when fine). */
export function conversationProblems(turns: readonly Turn[]): string[] {
  const problems: string[] = [];
  if (turns.length === 0) problems.push('the conversation has no messages');
  turns.forEach((t, i) => {
    if (!['system', 'user', 'assistant'].includes(t.role)) problems.push(`message ${i + 1} has role "${String(t.role)}"`);
    if (typeof t.content !== 'string' || !t.content.trim()) problems.push(`message ${i + 1} is empty`);
  });
  const last = turns[turns.length - 1];
  if (last && last.role !== 'user') problems.push('the last message must be from the user');
  return problems;
}

/** The user's latest message: what the run answers. */
export function latestQuestion(turns: Conversation): string {
  for (let i = turns.length - 1; i >= 0; i--) if (turns[i]!.role === 'user') return turns[i]!.content;
  return '';
}

/** Everything before the latest user message. */
export function earlierTurns(turns: Conversation): Turn[] {
  let last = turns.length - 1;
  while (last >= 0 && turns[last]!.role !== 'user') last--;
  return turns.slice(0, Math.max(0, last));
}

/**
 * The conversation as one text for steps that read it rather than continue it (classification,
 * rubric, per-item grading). A single question is returned as it is, so one-turn prompts do not change.
 */
export function conversationText(turns: Conversation): string {
  const earlier = earlierTurns(turns);
  const question = latestQuestion(turns);
  if (!earlier.length) return question;
  const transcript = earlier.map((t) => `${t.role}: ${t.content}`).join('\n\n');
  return `Earlier in the conversation:\n${transcript}\n\nThe user's latest message (the one to answer):\n${question}`;
}

/** What the user has said, for lexical retrieval and the rule classifier (assistant turns would add noise). */
export function userText(turns: Conversation): string {
  return turns.filter((t) => t.role === 'user').map((t) => t.content).join('\n');
}

/** The turns as chat messages (a dataset's system turns stay system messages). */
export function toChatMessages(turns: Conversation): ChatMessage[] {
  return turns.map((t) => ({ role: t.role, content: t.content }));
}
