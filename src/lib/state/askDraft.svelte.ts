// What the Ask page should start from when another screen sends the user there: "Re-run with other
// settings" prefills the question (and a follow-up's conversation) and lets the run's options be
// changed for that one run, without touching the saved defaults in Settings.

import type { Turn } from '../core/conversation';
import type { RunOptions } from '../core/types';

export interface AskPrefill {
  question: string;
  /** Options for this run only, starting from the run being re-run. */
  options: RunOptions;
  /** The conversation the re-run belongs to (a follow-up keeps its earlier turns). */
  context?: Turn[];
  previousRunId?: string;
}

export class AskDraft {
  #prefill = $state.raw<AskPrefill | null>(null);

  /** The prefill waiting for the Ask page, or null for a blank question. */
  get prefill(): AskPrefill | null {
    return this.#prefill;
  }

  set(prefill: AskPrefill): void {
    // The option to check one's own answer belongs to that answer's run; a re-run drafts its own.
    const { userDraft: _dropped, ...options } = prefill.options;
    this.#prefill = { ...prefill, options };
  }

  /** Changes this run's options (the Ask page's per-run form). */
  setOptions(options: RunOptions): void {
    if (this.#prefill) this.#prefill = { ...this.#prefill, options };
  }

  clear(): void {
    this.#prefill = null;
  }
}

/** One per page: the Ask page and the screens that send users to it share it. */
export const askDraft = new AskDraft();
