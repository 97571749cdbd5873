// Past runs, newest first, with interrupted ones (tab closed mid-run) told apart from live ones.

import type { Run } from '../core/types';
import type { RunsRepository } from '../db/runsRepository';
import { RUN_LOCK_PREFIX } from './runSession.svelte';

export class HistoryState {
  #runs = $state.raw<Run[]>([]);
  #live = $state.raw<ReadonlySet<string>>(new Set());
  #loaded = $state(false);

  constructor(private readonly repo: RunsRepository) {}

  get runs(): Run[] {
    return this.#runs;
  }

  get loaded(): boolean {
    return this.#loaded;
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

  async refresh(): Promise<void> {
    const [runs, live] = await Promise.all([this.repo.listRecent(), this.#liveRunIds()]);
    this.#runs = runs;
    this.#live = live;
    this.#loaded = true;
  }

  async delete(id: string): Promise<void> {
    await this.repo.delete(id);
    await this.refresh();
  }

  async #liveRunIds(): Promise<Set<string>> {
    if (typeof navigator === 'undefined' || !navigator.locks) return new Set();
    const { held = [] } = await navigator.locks.query();
    return new Set(held.flatMap((l) => (l.name?.startsWith(RUN_LOCK_PREFIX) ? [l.name.slice(RUN_LOCK_PREFIX.length)] : [])));
  }
}
