// Follow-up questions: a conversation is a chain of runs, each pointing to the turn before it.
// The earlier turns a follow-up passes to the pipeline are each turn's question and final answer,
// so every turn keeps its own trace while the model sees what was already said.

import type { Turn } from '../../core/conversation';
import type { Run } from '../../core/types';

/** Whether a run can be followed up: it finished with a final answer. */
export function canFollowUp(run: Run): boolean {
  return run.status === 'done' && run.final !== null;
}

/** The context a follow-up to `previous` carries: its own context, then its question and final answer. */
export function followUpContext(previous: Run): Turn[] {
  if (!previous.final) throw new Error('Only a finished run can be followed up.');
  return [...(previous.context ?? []), { role: 'user', content: previous.question }, { role: 'assistant', content: previous.final.answer }];
}

/**
 * The earlier turns of `run`'s conversation, oldest first, found by walking `previousRunId` back.
 * A missing link (a deleted turn) ends the walk; a cycle (a hand-edited import) cannot loop.
 */
export async function earlierRuns(run: Run, load: (id: string) => Promise<Run | undefined | null>): Promise<Run[]> {
  const found: Run[] = [];
  const seen = new Set([run.id]);
  let id = run.previousRunId;
  while (id && !seen.has(id)) {
    seen.add(id);
    const previous = await load(id);
    if (!previous) break;
    found.unshift(previous);
    id = previous.previousRunId;
  }
  return found;
}
