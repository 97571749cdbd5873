// Evaluations in IndexedDB: the run record, its examples (kept so a run resumes after a reload, in
// file order) and one record per graded reply, written the moment it completes.

import type { EvalFailure, EvalMode, EvalResult, EvalStore } from '../core/eval/runner';
import type { CostTotals } from '../core/eval/usage';
import type { HealthBenchExample } from '../core/healthbench/format';
import { plainVault, type Vault } from './crypto/vault';
import type { AppDb } from './schema';

export type { EvaluationRecord, EvaluationStatus, StoredEvalExample, StoredEvalResult } from './evaluationRecords';
import type { EvaluationRecord, StoredEvalExample, StoredEvalResult } from './evaluationRecords';

export class EvaluationsRepository {
  constructor(
    private readonly db: AppDb,
    /** Seals and opens records when the passphrase lock is on (passes them through when off). */
    private readonly vault: Vault = plainVault(),
  ) {}

  /** Saves a new evaluation with its examples, in one transaction. */
  async create(record: EvaluationRecord, examples: readonly HealthBenchExample[]): Promise<void> {
    // Sealed before the transaction opens: it would close while WebCrypto works.
    const sealedRecord = await this.vault.seal('evaluations', record);
    const sealedExamples = await this.vault.sealAll(
      'evaluationExamples',
      examples.map((example, index): StoredEvalExample => ({ evaluationId: record.id, index, example })),
    );
    const tx = this.db.transaction(['evaluations', 'evaluationExamples'], 'readwrite');
    const writes: Promise<unknown>[] = [tx.objectStore('evaluations').put(sealedRecord)];
    for (const example of sealedExamples) writes.push(tx.objectStore('evaluationExamples').put(example));
    await Promise.all([...writes, tx.done]);
  }

  async save(record: EvaluationRecord): Promise<void> {
    await this.db.put('evaluations', await this.vault.seal('evaluations', record));
  }

  async get(id: string): Promise<EvaluationRecord | undefined> {
    const stored = await this.db.get('evaluations', id);
    return stored === undefined ? undefined : this.vault.open<EvaluationRecord>('evaluations', stored);
  }

  /** Evaluations, newest first; one that will not decrypt is left out (the rest still list). */
  async list(): Promise<EvaluationRecord[]> {
    const all = await this.db.getAllFromIndex('evaluations', 'by-created');
    return (await this.vault.openAll<EvaluationRecord>('evaluations', all.reverse())).values;
  }

  /** The examples of an evaluation, in file order. */
  async examples(id: string): Promise<HealthBenchExample[]> {
    const range = IDBKeyRange.bound([id, 0], [id, Number.MAX_SAFE_INTEGER]);
    const { values } = await this.vault.openAll<StoredEvalExample>('evaluationExamples', await this.db.getAll('evaluationExamples', range));
    return values.map((r) => r.example);
  }

  /** Every graded reply of an evaluation. */
  async results(id: string): Promise<EvalResult[]> {
    const stored = await this.db.getAllFromIndex('evaluationResults', 'by-evaluation', id);
    const { values } = await this.vault.openAll<StoredEvalResult>('evaluationResults', stored);
    return values.map(({ evaluationId: _, ...result }) => result);
  }

  /** The runner's store port for one evaluation. */
  store(id: string): EvalStore {
    return {
      completed: () => this.results(id),
      save: async (result) => {
        await this.db.put('evaluationResults', await this.vault.seal('evaluationResults', { ...result, evaluationId: id }));
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
