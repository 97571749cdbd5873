// Rubric reviews in IndexedDB (the clinician's HealthRubrics work) and their decisions on candidate
// principles. Export reads in small batches so a large collection streams without one long transaction.

import type { PrincipleProvenance } from '../core/rubrics/candidates';
import type { RubricReview } from '../core/rubrics/review';
import { plainVault, type Stored, type Vault } from './crypto/vault';
import type { AppDb, CandidateDecision } from './schema';

/** What an import did: records added, and records skipped because their id was already stored. */
export interface ReviewImportReport {
  added: number;
  duplicates: number;
}

export class RubricReviewsRepository {
  constructor(
    private readonly db: AppDb,
    /** Seals and opens records when the passphrase lock is on (passes them through when off). */
    private readonly vault: Vault = plainVault(),
  ) {}

  /** Every review, most recently changed first; reviews that will not decrypt are left out (see `listWithCorrupt`). */
  async list(): Promise<RubricReview[]> {
    return (await this.listWithCorrupt()).reviews;
  }

  /** Every review that opens, newest change first, and the ids of those damaged beyond decrypting. */
  async listWithCorrupt(): Promise<{ reviews: RubricReview[]; corrupt: string[] }> {
    const stored = (await this.db.getAllFromIndex('rubricReviews', 'by-updated')).reverse();
    const { values, corrupt } = await this.vault.openAll<RubricReview>('rubricReviews', stored);
    return { reviews: values, corrupt };
  }

  async get(id: string): Promise<RubricReview | undefined> {
    const stored = await this.db.get('rubricReviews', id);
    return stored === undefined ? undefined : this.vault.open<RubricReview>('rubricReviews', stored);
  }

  /** The review opened from this run, if any. */
  async getByRun(runId: string): Promise<RubricReview | undefined> {
    const stored = await this.db.getFromIndex('rubricReviews', 'by-run', runId);
    return stored === undefined ? undefined : this.vault.open<RubricReview>('rubricReviews', stored);
  }

  /** The ids stored, for duplicate checks on import. */
  async ids(): Promise<Set<string>> {
    return new Set(await this.db.getAllKeys('rubricReviews'));
  }

  /** Saves the review as it stands (insert or replace). */
  async save(review: RubricReview): Promise<void> {
    await this.db.put('rubricReviews', await this.vault.seal('rubricReviews', review));
  }

  async delete(id: string): Promise<void> {
    await this.db.delete('rubricReviews', id);
  }

  /**
   * Adds imported reviews in one transaction (all or nothing). A review whose id is already stored
   * is skipped and counted, never overwritten.
   */
  async importMany(reviews: readonly RubricReview[]): Promise<ReviewImportReport> {
    // Sealed before the transaction opens: it would close while WebCrypto works.
    const sealed = await this.vault.sealAll('rubricReviews', reviews);
    const tx = this.db.transaction('rubricReviews', 'readwrite');
    const report: ReviewImportReport = { added: 0, duplicates: 0 };
    try {
      for (const [i, review] of reviews.entries()) {
        if (await tx.store.getKey(review.id)) {
          report.duplicates++;
          continue;
        }
        await tx.store.add(sealed[i]!);
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
      const page: Stored<RubricReview>[] = await this.db.getAll('rubricReviews', range, batch);
      const { values } = await this.vault.openAll<RubricReview>('rubricReviews', page);
      for (const review of values) if (!options.ids || options.ids.has(review.id)) yield review;
      if (page.length < batch) return;
      after = String(page[page.length - 1]!.id);
    }
  }

  async decisions(): Promise<CandidateDecision[]> {
    return (await this.vault.openAll<CandidateDecision>('candidateDecisions', await this.db.getAll('candidateDecisions'))).values;
  }

  /** Hides a candidate principle. */
  async rejectCandidate(candidateId: string, at: number): Promise<void> {
    const decision: CandidateDecision = { candidateId, status: 'rejected', at };
    await this.db.put('candidateDecisions', await this.vault.seal('candidateDecisions', decision));
  }

  /** Records that a candidate became a library principle, with where it came from. */
  async acceptCandidate(provenance: PrincipleProvenance): Promise<void> {
    const decision: CandidateDecision = { candidateId: provenance.candidateId, status: 'accepted', at: provenance.acceptedAt, provenance };
    await this.db.put('candidateDecisions', await this.vault.seal('candidateDecisions', decision));
  }

  /** Where a principle accepted from a candidate came from (undefined for any other principle). */
  async provenanceOf(principleId: string): Promise<PrincipleProvenance | undefined> {
    const decisions = await this.decisions();
    for (const d of decisions) if (d.status === 'accepted' && d.provenance.principleId === principleId) return d.provenance;
    return undefined;
  }
}
