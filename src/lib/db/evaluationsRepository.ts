// Evaluations in IndexedDB: the run record, its examples (kept so a run resumes after a reload, in
// file order) and one record per graded reply, written the moment it completes.

import type { EvalFailure, EvalMode, EvalResult, EvalStore } from '../core/eval/runner';
import type { CostTotals } from '../core/eval/usage';
import type { HealthBenchExample } from '../core/healthbench/format';
import type { AppDb } from './schema';

export type { EvaluationRecord, EvaluationStatus, StoredEvalExample, StoredEvalResult } from './evaluationRecords';
import type { EvaluationRecord, StoredEvalExample, StoredEvalResult } from './evaluationRecords';

export class EvaluationsRepository {
  constructor(private readonly db: AppDb) {}

  /** Saves a new evaluation with its examples, in one transaction. */
  async create(record: EvaluationRecord, examples: readonly HealthBenchExample[]): Promise<void> {
    const tx = this.db.transaction(['evaluations', 'evaluationExamples'], 'readwrite');
    const writes: Promise<unknown>[] = [tx.objectStore('evaluations').put(record)];
    examples.forEach((example, index) => writes.push(tx.objectStore('evaluationExamples').put({ evaluationId: record.id, index, example })));
    await Promise.all([...writes, tx.done]);
  }

  async save(record: EvaluationRecord): Promise<void> {
    await this.db.put('evaluations', record);
  }

  async get(id: string): Promise<EvaluationRecord | undefined> {
    return this.db.get('evaluations', id);
  }

  /** Evaluations, newest first. */
  async list(): Promise<EvaluationRecord[]> {
    const all = await this.db.getAllFromIndex('evaluations', 'by-created');
    return all.reverse();
  }

  /** The examples of an evaluation, in file order. */
  async examples(id: string): Promise<HealthBenchExample[]> {
    const range = IDBKeyRange.bound([id, 0], [id, Number.MAX_SAFE_INTEGER]);
    return (await this.db.getAll('evaluationExamples', range)).map((r) => r.example);
  }

  /** Every graded reply of an evaluation. */
  async results(id: string): Promise<EvalResult[]> {
    const stored = await this.db.getAllFromIndex('evaluationResults', 'by-evaluation', id);
    return stored.map(({ evaluationId: _, ...result }) => result);
  }

  /** The runner's store port for one evaluation. */
  store(id: string): EvalStore {
    return {
      completed: () => this.results(id),
      save: async (result) => {
        await this.db.put('evaluationResults', { ...result, evaluationId: id });
      },
    };
  }

  /** Deletes an evaluation with its examples and results. */
  async delete(id: string): Promise<void> {
    const tx = this.db.transaction(['evaluations', 'evaluationExamples', 'evaluationResults'], 'readwrite');
    const results = await tx.objectStore('evaluationResults').index('by-evaluation').getAllKeys(id);
    await Promise.all([
      tx.objectStore('evaluations').delete(id),
      tx.objectStore('evaluationExamples').delete(IDBKeyRange.bound([id, 0], [id, Number.MAX_SAFE_INTEGER])),
      ...results.map((k) => tx.objectStore('evaluationResults').delete(k)),
      tx.done,
    ]);
  }
}
