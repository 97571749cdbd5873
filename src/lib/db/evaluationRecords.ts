// The evaluation records as IndexedDB stores them; apart from the repository so the schema can name
// them without importing the repository (which imports the schema).

import type { EvalFailure, EvalMode, EvalResult, EvalStore } from '../core/eval/runner';
import type { CostTotals } from '../core/eval/usage';
import type { HealthBenchExample } from '../core/healthbench/format';

export type EvaluationStatus = 'running' | 'done' | 'stopped' | 'failed';

/** One evaluation as listed and resumed. */
export interface EvaluationRecord {
  id: string;
  /** The data file's name ("healthbench-demo.jsonl"). */
  name: string;
  createdAt: number;
  updatedAt: number;
  mode: EvalMode;
  /** Examples in the run. */
  total: number;
  status: EvaluationStatus;
  answerEngineLabel: string;
  graderEngineLabel: string;
  /** Where the grader runs: the answer engine, or a server of its own. */
  grader: { kind: 'same' } | { kind: 'server'; baseUrl: string; model: string };
  concurrency: number;
  failures: EvalFailure[];
  /** A problem that ended the run (engine could not load…), worded for the user. */
  problem: string | null;
  cost: CostTotals;
  /** Overall clipped mean of each mode once the run has ended (for the list); absent before. */
  summary?: { plain?: number; revised?: number };
}

export interface StoredEvalExample {
  evaluationId: string;
  index: number;
  example: HealthBenchExample;
}

export type StoredEvalResult = EvalResult & { evaluationId: string };
