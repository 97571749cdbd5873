// The clinician's rubric reviews as the Rubrics page sees them: list, search and filter; open a run's
// rubric for review; edit, verify, re-grade, prefer; export and import HealthRubrics JSONL; and the
// candidate principles distilled from verified rubrics, for the Principles page.

import { describeError, isAbortError } from '../core/errors';
import { CorruptRecordError } from '../db/crypto/recordCipher';
import { groupCandidates, candidateItems, principleFromCandidate, rephraseCandidate, type CandidatePrinciple, type PrincipleProvenance } from '../core/rubrics/candidates';
import { recordToReview, reviewFromRun, reviewToRecord } from '../core/rubrics/convert';
import { formatLineProblems, readRecords, writeRecords } from '../core/rubrics/jsonl';
import { isCurrentScore, regradeReview, scoreChanges, type ScoreChange } from '../core/rubrics/regrade';
import {
  effectiveItems,
  nextPastedId,
  preferResponse,
  reviewItemProblems,
  saveEdit,
  verifyReview,
  VerifyRefusedError,
  type FieldProblem,
  type ReviewItem,
  type RubricReview,
} from '../core/rubrics/review';
import type { Principle } from '../core/types';
import type { RubricReviewsRepository } from '../db/rubricReviewsRepository';
import type { RunsRepository } from '../db/runsRepository';
import type { CandidateDecision } from '../db/schema';
import type { EngineState } from './engine.svelte';
import type { SettingsState } from './settings.svelte';

export type ReviewStatusFilter = 'all' | 'verified' | 'draft';

/** The outcome of an import, for display. */
export type RubricImportOutcome =
  | { kind: 'imported'; added: number; duplicates: number }
  | { kind: 'rejected'; problems: string[] }
  | { kind: 'failed'; message: string };

/** The run cannot be reviewed (missing, or it has no rubric yet). */
export class RunNotReviewableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RunNotReviewableError';
  }
}

function newReviewId(): string {
  return `hr-${Date.now().toString(36)}-${crypto.randomUUID().slice(0, 8)}`;
}

/** Text chunks of a file, read as a stream (the file is never held whole as one string). */
async function* fileChunks(file: Blob, signal?: AbortSignal): AsyncGenerator<string> {
  const reader = file.stream().pipeThrough(new TextDecoderStream()).getReader();
  try {
    for (;;) {
      signal?.throwIfAborted();
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

/** What the Rubrics state needs from the app; App.svelte provides it, pages turn it into the state. */
export interface RubricsDeps {
  repo: RubricReviewsRepository;
  runs: RunsRepository;
  engine: EngineState;
  settings: SettingsState;
  now?: () => number;
}

const instances = new WeakMap<RubricsDeps, RubricsState>();

/**
 * The one RubricsState for these app services, created on first use. Only the (lazily loaded) Rubrics
 * and Principles pages call it, so the rubric code and its schema library stay out of the first load.
 * It is created in a root of its own: created inside the calling page, its derived values would be
 * torn down with that page and never update again on the next visit.
 */
export function rubricsStateFor(deps: RubricsDeps): RubricsState {
  let state = instances.get(deps);
  if (!state) {
    $effect.root(() => {
      state = new RubricsState(deps);
    });
    // Server-side compilation (unit tests in Node) runs no roots: create it directly there.
    state ??= new RubricsState(deps);
    instances.set(deps, state);
  }
  return state;
}

export class RubricsState {
  #all = $state.raw<RubricReview[]>([]);
  #decisions = $state.raw<CandidateDecision[]>([]);
  #loaded = $state(false);
  #error = $state<string | null>(null);
  #regrading = $state<{ done: number; total: number } | null>(null);
  #controller: AbortController | null = null;
  /** Titles and statements the model rephrased, by candidate id. */
  #wording = $state.raw<ReadonlyMap<string, { title: string; statement: string }>>(new Map());
  query = $state('');
  status = $state<ReviewStatusFilter>('all');
  reviewer = $state('all');
  principle = $state('all');
  selectedId = $state<string | null>(null);
  /** Reviews ticked for "export selected". */
  checked = $state<string[]>([]);

  constructor(private readonly deps: RubricsDeps) {}

  #now(): number {
    return this.deps.now?.() ?? Date.now();
  }

  get loaded(): boolean {
    return this.#loaded;
  }

  /** A storage or engine failure to show, worded for the user. */
  get error(): string | null {
    return this.#error;
  }

  get all(): RubricReview[] {
    return this.#all;
  }

  /** Progress of a re-grade in flight (answers done of total), or null. */
  get regrading(): { done: number; total: number } | null {
    return this.#regrading;
  }

  readonly selected = $derived(this.#all.find((r) => r.id === this.selectedId) ?? null);

  /** Reviewer names, for the filter. */
  readonly reviewers = $derived([...new Set(this.#all.flatMap((r) => (r.verified ? [r.verified.reviewer] : [])))].sort());

  /** Principle ids linked from any rubric, for the filter. */
  readonly linkedPrinciples = $derived([...new Set(this.#all.flatMap((r) => effectiveItems(r).flatMap((i) => (i.principle_id ? [i.principle_id] : []))))].sort());

  /** The reviews the search and filters let through. */
  readonly visible = $derived.by(() => {
    const words = this.query.toLowerCase().split(/\s+/).filter(Boolean);
    return this.#all.filter((r) => {
      if (this.status === 'verified' && !r.verified) return false;
      if (this.status === 'draft' && r.verified) return false;
      if (this.reviewer !== 'all' && r.verified?.reviewer !== this.reviewer) return false;
      const items = effectiveItems(r);
      if (this.principle !== 'all' && !items.some((i) => i.principle_id === this.principle)) return false;
      if (!words.length) return true;
      const text = [r.id, ...r.prompt.map((t) => t.content), ...items.map((i) => i.criterion), r.verified?.reviewer ?? ''].join(' ').toLowerCase();
      return words.every((w) => text.includes(w));
    });
  });

  /** The selected review's answers, each with its score under the model's rubric and under the clinician's. */
  readonly changes = $derived<ScoreChange[]>(this.selected ? scoreChanges(this.selected) : []);

  /** Candidate principles from verified rubrics, without the ones accepted or rejected. */
  readonly candidates = $derived.by<CandidatePrinciple[]>(() => {
    const decided = new Set(this.#decisions.map((d) => d.candidateId));
    return groupCandidates(candidateItems(this.#all))
      .filter((c) => !decided.has(c.id))
      .map((c) => ({ ...c, ...this.#wording.get(c.id) }));
  });

  /** Whether an engine is loaded, so the model can rephrase a candidate (it is never loaded just for that). */
  get canRephrase(): boolean {
    return this.deps.engine.current !== null;
  }

  /** Asks the loaded engine to reword a candidate's title and statement. */
  async rephrase(candidate: CandidatePrinciple, signal?: AbortSignal): Promise<void> {
    const engine = this.deps.engine.current;
    if (!engine) return;
    try {
      const wording = await rephraseCandidate(engine, candidate, signal);
      this.#wording = new Map([...this.#wording, [candidate.id, wording]]);
    } catch (err) {
      if (!isAbortError(err)) this.#error = describeError(err);
    }
  }

  /** Principles accepted from candidates, with where they came from. */
  readonly accepted = $derived<PrincipleProvenance[]>(this.#decisions.flatMap((d) => (d.status === 'accepted' ? [d.provenance] : [])));

  async refresh(): Promise<void> {
    try {
      const [{ reviews, corrupt }, decisions] = await Promise.all([this.deps.repo.listWithCorrupt(), this.deps.repo.decisions()]);
      this.#all = reviews;
      this.#decisions = decisions;
      // With the passphrase lock on, a review that will not decrypt is named; the others still show.
      this.#error = corrupt.length ? describeError(new CorruptRecordError(corrupt.join(', '))) : null;
    } catch (err) {
      this.#error = describeError(err);
    } finally {
      this.#loaded = true;
    }
  }

  async #store(review: RubricReview): Promise<void> {
    await this.deps.repo.save(review);
    this.#all = [review, ...this.#all.filter((r) => r.id !== review.id)];
  }

  /** Opens the review of a run, creating it from the run's rubric the first time. Returns its id. */
  async openForRun(runId: string): Promise<string> {
    const existing = await this.deps.repo.getByRun(runId);
    if (existing) {
      this.selectedId = existing.id;
      await this.refresh();
      return existing.id;
    }
    const run = await this.deps.runs.get(runId);
    if (!run) throw new RunNotReviewableError('That run is not in this browser’s history, so its rubric cannot be reviewed.');
    if (!run.rubric.length || run.status !== 'done') throw new RunNotReviewableError('Only a finished run with a rubric can be reviewed; let the run finish first.');
    const review = reviewFromRun(run, newReviewId(), this.#now());
    await this.#store(review);
    this.selectedId = review.id;
    return review.id;
  }

  /** Saves the edited items of the selected review; refuses (and returns the problems) when any field is invalid. */
  async saveItems(items: readonly ReviewItem[], principleIds: ReadonlySet<string>): Promise<FieldProblem[]> {
    const review = this.selected;
    if (!review) return [];
    const problems = reviewItemProblems(items, principleIds);
    if (problems.length) return problems;
    await this.#store(saveEdit(review, items, this.#now()));
    return [];
  }

  /** Marks the selected review verified by `reviewer` now. */
  async verify(reviewer: string, principleIds: ReadonlySet<string>): Promise<FieldProblem[]> {
    const review = this.selected;
    if (!review) return [];
    try {
      await this.#store(verifyReview(review, reviewer, this.#now(), principleIds));
      return [];
    } catch (err) {
      if (err instanceof VerifyRefusedError) return err.problems;
      throw err;
    }
  }

  /** Re-grades the selected review's answers (all, or `ids`) under its rubric with the current engine. */
  async regrade(ids?: readonly string[]): Promise<void> {
    const review = this.selected;
    if (!review || this.#regrading) return;
    const controller = new AbortController();
    this.#controller = controller;
    this.#regrading = { done: 0, total: ids?.length ?? review.responses.length };
    this.#error = null;
    try {
      const engine = await this.deps.engine.get(this.deps.settings.engine);
      const graded = await regradeReview(engine, review, {
        ids,
        signal: controller.signal,
        now: () => this.#now(),
        onProgress: (done, total) => (this.#regrading = { done, total }),
      });
      // Edits made while grading win: keep the new scores only if the rubric did not change meanwhile.
      const latest = this.#all.find((r) => r.id === review.id);
      if (latest && latest.updatedAt === review.updatedAt) await this.#store(graded);
    } catch (err) {
      if (!isAbortError(err)) this.#error = describeError(err);
    } finally {
      this.#regrading = null;
      this.#controller = null;
    }
  }

  stopRegrade(): void {
    this.#controller?.abort();
  }

  /** Adds an answer the clinician pasted, to compare with the run's rounds. Returns its id. */
  async addPasted(content: string): Promise<string | null> {
    const review = this.selected;
    if (!review || !content.trim()) return null;
    const id = nextPastedId(review.responses);
    const response = { id, content: content.trim(), round: null, modelScore: null, grades: null, score: null, gradedFor: null };
    await this.#store({ ...review, responses: [...review.responses, response], updatedAt: this.#now() });
    return id;
  }

  /**
   * Records the clinician's preference between two answers (or a tie). Answers not yet scored under the
   * rubric as it stands are graded first (when an engine can be loaded), so both scores are kept.
   */
  async prefer(chosen: string, rejected: string, tie: boolean): Promise<void> {
    let review = this.selected;
    if (!review) return;
    const unscored = review.responses.filter((r) => (r.id === chosen || r.id === rejected) && !isCurrentScore(review!, r)).map((r) => r.id);
    if (unscored.length) {
      await this.regrade(unscored);
      review = this.selected ?? review;
    }
    try {
      await this.#store(preferResponse(review, chosen, rejected, tie, this.#now()));
    } catch (err) {
      this.#error = describeError(err);
    }
  }

  async delete(id: string): Promise<void> {
    try {
      await this.deps.repo.delete(id);
      this.#all = this.#all.filter((r) => r.id !== id);
      this.checked = this.checked.filter((c) => c !== id);
      if (this.selectedId === id) this.selectedId = null;
    } catch (err) {
      this.#error = describeError(err);
    }
  }

  /** HealthRubrics JSONL of every review, or of the ticked ones, streamed from storage into a file. */
  async exportJsonl(onlyChecked: boolean, signal?: AbortSignal): Promise<Blob> {
    const ids = onlyChecked ? new Set(this.checked) : undefined;
    const repo = this.deps.repo;
    async function* records() {
      for await (const review of repo.stream({ ids, signal })) yield reviewToRecord(review);
    }
    const parts: string[] = [];
    for await (const line of writeRecords(records(), signal)) parts.push(line);
    return new Blob(parts, { type: 'application/x-ndjson' });
  }

  /** Imports a HealthRubrics JSONL file: all or nothing; ids already here are skipped and counted. */
  async importJsonl(file: Blob, signal?: AbortSignal): Promise<RubricImportOutcome> {
    try {
      const existing = await this.deps.repo.ids();
      const read = await readRecords(fileChunks(file, signal), { existingIds: existing, signal });
      if (!read.ok) return { kind: 'rejected', problems: formatLineProblems(read.problems) };
      const report = await this.deps.repo.importMany(read.records.map((r) => recordToReview(r, this.#now())));
      await this.refresh();
      return { kind: 'imported', added: report.added, duplicates: read.duplicates + report.duplicates };
    } catch (err) {
      return { kind: 'failed', message: describeError(err) };
    }
  }

  /** Hides a candidate principle for good. */
  async rejectCandidate(id: string): Promise<void> {
    await this.deps.repo.rejectCandidate(id, this.#now());
    this.#decisions = await this.deps.repo.decisions();
  }

  /** The candidate as a principle for the editor, with the id it will get. */
  draftPrinciple(candidate: CandidatePrinciple, id: string): Principle {
    return principleFromCandidate(candidate, id, new Date(this.#now()).getUTCFullYear());
  }

  /** Records that the candidate became library principle `principleId` (its provenance). */
  async acceptCandidate(candidate: CandidatePrinciple, principleId: string): Promise<void> {
    await this.deps.repo.acceptCandidate({ principleId, candidateId: candidate.id, reviewIds: candidate.reviewIds, items: candidate.items, acceptedAt: this.#now() });
    this.#decisions = await this.deps.repo.decisions();
  }
}
