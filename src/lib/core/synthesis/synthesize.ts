// Rubric synthesis for one unlabeled query: scenario (the model's or the rules'), principle pool,
// and a rubric written from the pool — the loop's own first steps, with no answer drafted.

import type { ChatEngine } from '../chat';
import { isAbortError } from '../errors';
import { conversationText, userText, type Conversation } from '../conversation';
import { classifyScenario, writeRubric } from '../pipeline/pipeline';
import { roughTokenCount, type TokenCounter } from '../pipeline/tokens';
import { selectPrinciplePool, type PoolCandidate, type PrincipleIndex } from '../retrieval/selectPool';
import { classifyScenarioOffline } from '../scenario/offline';
import { learnedPoolHints } from '../learned/shipped';
import type { RubricItem, RubricSource, Scenario } from '../types';

/** Where the scenario comes from: one model call, or the rule classifier (no call). */
export type ScenarioMode = 'model' | 'rules';
export const SCENARIO_MODES: readonly ScenarioMode[] = ['model', 'rules'];

export interface SynthesisInput {
  conversation: Conversation;
  engine: ChatEngine;
  principles: readonly PoolCandidate[];
  /** A prebuilt retrieval index of `principles`, shared across queries. */
  index?: PrincipleIndex;
  scenarioMode: ScenarioMode;
  poolSize: number;
  countTokens?: TokenCounter;
  signal: AbortSignal;
}

export interface SynthesisResult {
  scenario: Scenario;
  scenarioSource: 'model' | 'fallback' | 'rules';
  principles: string[];
  rubric: RubricItem[];
  rubricSource: RubricSource;
}

/** Which step a synthesis failure happened in, for the failures file. */
export class SynthesisStepError extends Error {
  constructor(readonly step: 'classify' | 'select_principles' | 'rubric', override readonly cause: unknown) {
    super(`${step}: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'SynthesisStepError';
  }
}

/** The scenario of a query: classified by the model, or by the rules without a call. */
export async function scenarioFor(input: SynthesisInput): Promise<{ scenario: Scenario; source: SynthesisResult['scenarioSource'] }> {
  const said = userText(input.conversation);
  if (input.scenarioMode === 'rules') return { scenario: classifyScenarioOffline(said, input.principles), source: 'rules' };
  try {
    return await classifyScenario(input.engine, conversationText(input.conversation), said, input.signal, input.principles);
  } catch (err) {
    if (isAbortError(err) || input.signal.aborted) throw err;
    throw new SynthesisStepError('classify', err);
  }
}

/** The principle pool for a query in a scenario (deterministic, no model call). */
export function poolFor(input: Pick<SynthesisInput, 'conversation' | 'principles' | 'index' | 'poolSize'>, scenario: Scenario): PoolCandidate[] {
  const said = userText(input.conversation);
  const entries = selectPrinciplePool(scenario, said, input.principles, { maxSize: input.poolSize, index: input.index, ...learnedPoolHints(said, scenario) });
  const byId = new Map(input.principles.map((p) => [p.id, p]));
  return entries.flatMap((e) => byId.get(e.id) ?? []);
}

/** Synthesises one query's rubric. Failures name their step. */
export async function synthesizeRubric(input: SynthesisInput): Promise<SynthesisResult> {
  const { scenario, source } = await scenarioFor(input);
  const pool = poolFor(input, scenario);
  try {
    const written = await writeRubric(
      input.engine,
      conversationText(input.conversation),
      scenario,
      pool,
      input.engine.contextWindow,
      input.countTokens ?? roughTokenCount,
      input.signal,
    );
    return { scenario, scenarioSource: source, principles: pool.map((p) => p.id), rubric: written.items, rubricSource: written.source };
  } catch (err) {
    if (isAbortError(err) || input.signal.aborted) throw err;
    throw new SynthesisStepError('rubric', err);
  }
}
