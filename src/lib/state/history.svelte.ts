// Past runs for the History page: a query (search and filters), pages read newest first from
// IndexedDB, the count, a selection, delete with undo, export and import — refreshed when another tab
// changes runs. Interrupted runs (tab closed mid-run) are told apart from live ones by Web Locks.

import { untrack } from 'svelte';
import { isAbortError } from '../core/errors';
import { errorText } from '../i18n/errors';
import { historyStatus, isEmptyQuery, type HistoryStatus, type RunQuery } from '../core/history/runQuery';
import type { Run } from '../core/types';
import { DEFAULT_PAGE_SIZE, type RunCursor, type RunsRepository } from '../db/runsRepository';
import type { RunsChannel } from '../db/runsChannel';
import { importRunsFile, runsJsonlStream, type ImportReport } from '../services/historyTransfer';
import { RUN_LOCK_PREFIX } from './runSession.svelte';

/** Runs just deleted, kept in memory so Undo can put them back. */
export interface DeletedRuns {
  runs: Run[];
}

/** Which runs an export covers. */
export type ExportScope = 'selected' | 'matching' | 'all';

export class HistoryState {
  #runs = $state.raw<Run[]>([]);
  #next = $state.raw<RunCursor | null>(null);
  #live = $state.raw<ReadonlySet<string>>(new Set());
  #loaded = $state(false);
  #loading = $state(false);
  #query = $state.raw<RunQuery>({});
  #total = $state<number | null>(null);
  #matching = $state<number | null>(null);
  #selected = $state.raw<ReadonlySet<string>>(new Set());
  #deleted = $state.raw<DeletedRuns | null>(null);
  #error = $state<string | null>(null);
  /** Runs on the loaded pages that would not decrypt (damaged): counted, the rest still shown. */
  #corrupt = $state(0);
  #controller: AbortController | null = null;
  #countController: AbortController | null = null;
  #refreshTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly repo: RunsRepository,
    channel?: RunsChannel,
  ) {
    // Another tab saved, deleted or imported runs: show them (coalesced, a run saves after every step).
    channel?.subscribe(() => this.#scheduleRefresh());
  }

  /** How many runs on the loaded pages are damaged beyond decrypting (passphrase lock on). */
  get corrupt(): number {
    return this.#corrupt;
  }

  /** Drops every run held in memory (the lock engaged): the next visit reads them again after unlock. */
  forget(): void {
    this.#controller?.abort();
    this.#runs = [];
    this.#next = null;
    this.#selected = new Set();
    this.#deleted = null;
    this.#corrupt = 0;
    this.#loaded = false;
  }

  /** The runs loaded so far (one or more pages), newest first. */
  get runs(): Run[] {
    return this.#runs;
  }

  get loaded(): boolean {
    return this.#loaded;
  }

  /** A page is being read (or a search is scanning). */
  get loading(): boolean {
    return this.#loading;
  }

  /** Older matching runs remain to be loaded. */
  get hasMore(): boolean {
    return this.#next !== null;
  }

  get query(): RunQuery {
    return this.#query;
  }

  /** Runs stored in this browser. */
  get total(): number | null {
    return this.#total;
  }

  /** Runs matching the query (null while being counted, or when there is no query). */
  get matching(): number | null {
    return this.#matching;
  }

  get filtered(): boolean {
    return !isEmptyQuery(this.#query);
  }

  get selected(): ReadonlySet<string> {
    return this.#selected;
  }

  /** The last deletion, while it can be undone. */
  get deleted(): DeletedRuns | null {
    return this.#deleted;
  }

  /** A problem reading or writing runs, worded for the user. */
  get error(): string | null {
    return this.#error;
  }

  /** A run marked running whose tab is gone: it can be resumed. */
  isInterrupted(run: Run): boolean {
    return run.status === 'running' && !this.#live.has(run.id);
  }

  /**
   * Whether the user may resume this run: it did not finish, and it is not running in a live tab
   * (a run marked running counts only once its tab is gone).
   */
  canResume(run: Run): boolean {
    return run.status !== 'done' && (run.status !== 'running' || this.isInterrupted(run));
  }

  /** One stored run by id, or undefined when it is not in this browser's history. */
  get(id: string): Promise<Run | undefined> {
    return this.repo.get(id);
  }

  /** The status to show for a run. */
  statusOf(run: Run): HistoryStatus {
    return historyStatus(run, (id) => this.#live.has(id));
  }

  /** Changes the search and filters and reloads from the first page. */
  async setQuery(query: RunQuery): Promise<void> {
    this.#query = query;
    this.#selected = new Set();
    await this.refresh(DEFAULT_PAGE_SIZE);
  }

  /**
   * Reloads the runs shown (as many as were loaded, at least a page), the count and, for a query, the
   * number of matches.
   */
  async refresh(pageSize?: number): Promise<void> {
    // Untracked: a page's $effect calls refresh(), and must not re-run because refresh read the state
    // it is about to replace (that would refresh forever).
    const { limit, query } = untrack(() => ({ limit: pageSize ?? Math.max(DEFAULT_PAGE_SIZE, this.#runs.length), query: this.#query }));
    this.#controller?.abort();
    const controller = new AbortController();
    this.#controller = controller;
    this.#loading = true;
    const started = performance.now();
    try {
      const live = await this.#liveRunIds();
      const [page, total] = await Promise.all([
        this.repo.page({ query, limit, isLive: (id) => live.has(id), signal: controller.signal }),
        this.repo.count(),
      ]);
      if (controller.signal.aborted) return;
      // Recorded so browser tests (and anyone profiling) can read how long the page took to read.
      performance.measure('clinrevise:history-page', { start: started, end: performance.now() });
      this.#live = live;
      this.#runs = page.runs;
      this.#next = page.next;
      this.#corrupt = page.corrupt?.length ?? 0;
      this.#total = total;
      this.#error = null;
      this.#loaded = true;
      this.#countMatches(live);
    } catch (err) {
      if (!isAbortError(err)) this.#error = errorText(err);
    } finally {
      if (this.#controller === controller) {
        this.#loading = false;
        this.#controller = null;
      }
    }
  }

  /** Appends the next page of older runs. */
  async loadMore(): Promise<void> {
    if (!this.#next || this.#loading) return;
    const controller = new AbortController();
    this.#controller = controller;
    this.#loading = true;
    try {
      const page = await this.repo.page({ query: this.#query, after: this.#next, isLive: (id) => this.#live.has(id), signal: controller.signal });
      if (controller.signal.aborted) return;
      this.#runs = [...this.#runs, ...page.runs];
      this.#next = page.next;
      this.#corrupt += page.corrupt?.length ?? 0;
    } catch (err) {
      if (!isAbortError(err)) this.#error = errorText(err);
    } finally {
      if (this.#controller === controller) {
        this.#loading = false;
        this.#controller = null;
      }
    }
  }

  toggleSelected(id: string): void {
    const next = new Set(this.#selected);
    if (!next.delete(id)) next.add(id);
    this.#selected = next;
  }

  /** Selects every loaded run, or clears the selection when all are selected. */
  toggleSelectAll(): void {
    const all = this.#runs.length > 0 && this.#runs.every((r) => this.#selected.has(r.id));
    this.#selected = all ? new Set() : new Set(this.#runs.map((r) => r.id));
  }

  /** Deletes runs at once, keeping them in memory so `undoDelete` can restore them. */
  async delete(ids: readonly string[]): Promise<void> {
    const wanted = new Set(ids);
    const known = this.#runs.filter((r) => wanted.has(r.id));
    const missing = ids.filter((id) => !known.some((r) => r.id === id));
    const fetched = (await Promise.all(missing.map((id) => this.repo.get(id)))).filter((r): r is Run => r !== undefined);
    const runs = [...known, ...fetched];
    try {
      await this.repo.deleteMany(runs.map((r) => r.id));
    } catch (err) {
      this.#error = errorText(err);
      return;
    }
    this.#deleted = { runs };
    this.#selected = new Set([...this.#selected].filter((id) => !wanted.has(id)));
    await this.refresh();
  }

  /** Puts the last deleted runs back. */
  async undoDelete(): Promise<void> {
    const deleted = this.#deleted;
    if (!deleted) return;
    try {
      await this.repo.restore(deleted.runs);
      this.#deleted = null;
    } catch (err) {
      this.#error = errorText(err);
    }
    await this.refresh();
  }

  /** Forgets the last deletion (Undo no longer offered). */
  dismissUndo(): void {
    this.#deleted = null;
  }

  /** The runs of `scope` as a JSONL byte stream, read batch by batch as it is consumed. */
  exportStream(scope: ExportScope, signal?: AbortSignal): ReadableStream<Uint8Array> {
    if (scope === 'selected') {
      const order = this.#runs.map((r) => r.id).filter((id) => this.#selected.has(id));
      const rest = [...this.#selected].filter((id) => !order.includes(id));
      return runsJsonlStream(this.repo.byIds([...order, ...rest], signal));
    }
    const live = this.#live;
    return runsJsonlStream(this.repo.scan(scope === 'matching' ? this.#query : {}, (id) => live.has(id), signal));
  }

  /** Imports a runs file (all or nothing; see importRunsFile) and shows the result. */
  async importFile(file: Blob, signal?: AbortSignal): Promise<ImportReport> {
    const report = await importRunsFile(file, this.repo, signal);
    await this.refresh();
    return report;
  }

  /** The newest run, when it was interrupted (its tab closed mid-run): the Ask page offers to resume it. */
  async latestInterrupted(): Promise<Run | null> {
    const [live, page] = await Promise.all([this.#liveRunIds(), this.repo.page({ limit: 1 })]);
    const run = page.runs[0];
    return run && run.status === 'running' && !live.has(run.id) ? run : null;
  }

  #countMatches(live: ReadonlySet<string>): void {
    this.#countController?.abort();
    this.#matching = null;
    if (isEmptyQuery(this.#query)) return;
    const controller = new AbortController();
    this.#countController = controller;
    const query = this.#query;
    this.repo.countMatching(query, (id) => live.has(id), controller.signal).then(
      (n) => {
        if (!controller.signal.aborted) this.#matching = n;
      },
      () => undefined,
    );
  }

  #scheduleRefresh(): void {
    if (this.#refreshTimer) return;
    this.#refreshTimer = setTimeout(() => {
      this.#refreshTimer = null;
      void this.refresh();
    }, 300);
  }

  async #liveRunIds(): Promise<Set<string>> {
    if (typeof navigator === 'undefined' || !navigator.locks) return new Set();
    const { held = [] } = await navigator.locks.query();
    return new Set(held.flatMap((l) => (l.name?.startsWith(RUN_LOCK_PREFIX) ? [l.name.slice(RUN_LOCK_PREFIX.length)] : [])));
  }
}
