// The "revised" reply of an evaluation: the full ClinRevise loop on the example's conversation, its
// own rubric used for revision (never the example's), and the loop's chosen final answer returned.

import type { Conversation } from '../conversation';
import { runPipeline } from '../pipeline/pipeline';
import type { TokenCounter } from '../pipeline/tokens';
import type { PoolCandidate } from '../retrieval/selectPool';
import type { FinalAnswer, RunEvent, RunOptions } from '../types';
import type { Answerer } from './runner';

export interface RevisedAnswererDeps {
  principles: readonly PoolCandidate[];
  options: RunOptions;
  countTokens?: TokenCounter;
  /** Sees every pipeline event (e.g. to show the loop's progress). */
  onEvent?: (event: RunEvent) => void;
}

/** The loop ended without choosing an answer (it cannot, unless the pipeline changed its contract). */
export class NoFinalAnswerError extends Error {
  constructor() {
    super('The revision loop ended without a final answer. Report this as a bug.');
    this.name = 'NoFinalAnswerError';
  }
}

/** An Answerer that runs the revision loop and returns its final answer. */
export function revisedAnswerer(deps: RevisedAnswererDeps): Answerer {
  return async (engine, conversation: Conversation, signal) => {
    let final: FinalAnswer | null = null;
    const events = runPipeline({
      conversation,
      engine,
      principles: deps.principles,
      options: deps.options,
      signal,
      countTokens: deps.countTokens,
    });
    for await (const event of events) {
      deps.onEvent?.(event);
      if (event.type === 'final') final = event.final;
    }
    if (!final) throw new NoFinalAnswerError();
    return final.answer;
  };
}
