// Rubric reviews in IndexedDB (the clinician's HealthRubrics work) and their decisions on candidate
// principles. Export reads in small batches so a large collection streams without one long transaction.

import type { PrincipleProvenance } from '../core/rubrics/candidates';
import type { RubricReview } from '../core/rubrics/review';
import type { AppDb, CandidateDecision } from './schema';

/** What an import did: records added, and records skipped because their id was already stored. */
export interface ReviewImportReport {
  added: number;
  duplicates: number;
}

export class RubricReviewsRepository {
  constructor(private readonly db: AppDb) {}

  /** Every review, most recently changed first. */
  async list(): Promise<RubricReview[]> {
    return (await this.db.getAllFromIndex('rubricReviews', 'by-updated')).reverse();
  }

  async get(id: string): Promise<RubricReview | undefined> {
    return this.db.get('rubricReviews', id);
  }

  /** The review opened from this run, if any. */
  async getByRun(runId: string): Promise<RubricReview | undefined> {
    return this.db.getFromIndex('rubricReviews', 'by-run', runId);
  }

  /** The ids stored, for duplicate checks on import. */
  async ids(): Promise<Set<string>> {
    return new Set(await this.db.getAllKeys('rubricReviews'));
  }

  /** Saves the review as it stands (insert or replace). */
  async save(review: RubricReview): Promise<void> {
    await this.db.put('rubricReviews', review);
  }

  async delete(id: string): Promise<void> {
    await this.db.delete('rubricReviews', id);
  }

  /**
   * Adds imported reviews in one transaction (all or nothing). A review whose id is already stored
   * is skipped and counted, never overwritten.
   */
  async importMany(reviews: readonly RubricReview[]): Promise<ReviewImportReport> {
    const tx = this.db.transaction('rubricReviews', 'readwrite');
    const report: ReviewImportReport = { added: 0, duplicates: 0 };
    try {
      for (const review of reviews) {
        if (await tx.store.getKey(review.id)) {
          report.duplicates++;
          continue;
        }
        await tx.store.add(review);
        report.added++;
      }
    } catch (err) {
      // A record that cannot be stored throws without aborting the transaction: abort it ourselves,
      // or the records before it would be committed.
      tx.abort();
      await tx.done.catch(() => {});
      throw err;
    }
    await tx.done;
    return report;
  }

  /**
   * Every review (or those with the given ids) in id order, read `batch` at a time: each batch is its
   * own short transaction, so the consumer may do other work (write a file) between them.
   */
  async *stream(options: { ids?: ReadonlySet<string>; batch?: number; signal?: AbortSignal } = {}): AsyncGenerator<RubricReview> {
    const batch = options.batch ?? 50;
    let after: string | null = null;
    for (;;) {
      options.signal?.throwIfAborted();
      const range: IDBKeyRange | null = after === null ? null : IDBKeyRange.lowerBound(after, true);
      const page: RubricReview[] = await this.db.getAll('rubricReviews', range, batch);
      for (const review of page) if (!options.ids || options.ids.has(review.id)) yield review;
      if (page.length < batch) return;
      after = page[page.length - 1]!.id;
    }
  }

  async decisions(): Promise<CandidateDecision[]> {
    return this.db.getAll('candidateDecisions');
  }

  /** Hides a candidate principle. */
  async rejectCandidate(candidateId: string, at: number): Promise<void> {
    await this.db.put('candidateDecisions', { candidateId, status: 'rejected', at });
  }

  /** Records that a candidate became a library principle, with where it came from. */
  async acceptCandidate(provenance: PrincipleProvenance): Promise<void> {
    await this.db.put('candidateDecisions', { candidateId: provenance.candidateId, status: 'accepted', at: provenance.acceptedAt, provenance });
  }

  /** Where a principle accepted from a candidate came from (undefined for any other principle). */
  async provenanceOf(principleId: string): Promise<PrincipleProvenance | undefined> {
    const decisions = await this.decisions();
    for (const d of decisions) if (d.status === 'accepted' && d.provenance.principleId === principleId) return d.provenance;
    return undefined;
  }
}
