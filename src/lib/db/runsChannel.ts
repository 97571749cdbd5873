// Tells other tabs of this app that runs changed (a run saved, deleted or imported), so an open
// History page refreshes by itself. BroadcastChannel never delivers to the tab that posted.

import type { RunsChange } from './runsRepository';

export const RUNS_CHANNEL_NAME = 'clinrevise-runs';

/** A BroadcastChannel for run changes; does nothing where the browser has none. */
export class RunsChannel {
  readonly #channel: BroadcastChannel | null;

  constructor(name: string = RUNS_CHANNEL_NAME) {
    this.#channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(name);
  }

  /** Tells the other tabs. */
  post(change: RunsChange): void {
    this.#channel?.postMessage(change);
  }

  /** Calls `listener` for every change another tab posts; returns the unsubscribe function. */
  subscribe(listener: (change: RunsChange) => void): () => void {
    const channel = this.#channel;
    if (!channel) return () => {};
    const handler = (event: MessageEvent<RunsChange>) => listener(event.data);
    channel.addEventListener('message', handler);
    return () => channel.removeEventListener('message', handler);
  }

  close(): void {
    this.#channel?.close();
  }
}
