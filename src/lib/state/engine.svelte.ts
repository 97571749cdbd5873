// The engine the app is currently using: created lazily from the settings, replaced when they change,
// with its loading progress (for on-device engines) and a way to cancel a load.

import { isAbortError } from '../core/errors';
import { errorText } from '../i18n/errors';
import type { ChatEngine, ChatUsage } from '../core/chat';
import { UsageRecordingEngine, createEngine, type EngineSettings, type LoadProgress } from '../engine';

export type EngineStatus = 'idle' | 'loading' | 'ready' | 'error';

export class EngineState {
  #status = $state<EngineStatus>('idle');
  #error = $state<string | null>(null);
  #progress = $state.raw<LoadProgress | null>(null);
  #loadStartedAt = $state<number | null>(null);
  #lastUsage = $state.raw<ChatUsage | null>(null);
  #engine: ChatEngine | null = null;
  #engineKey = '';
  #pending: Promise<ChatEngine> | null = null;
  #loadController: AbortController | null = null;

  get status(): EngineStatus {
    return this.#status;
  }

  get error(): string | null {
    return this.#error;
  }

  /** Latest load progress while loading; null otherwise. */
  get progress(): LoadProgress | null {
    return this.#progress;
  }

  /** When the current load began (ms), for time-remaining estimates. */
  get loadStartedAt(): number | null {
    return this.#loadStartedAt;
  }

  /** Usage of the most recent model call (tokens, speeds), for display. */
  get lastUsage(): ChatUsage | null {
    return this.#lastUsage;
  }

  /** The loaded engine, if any (without loading one). */
  get current(): ChatEngine | null {
    return this.#engine;
  }

  /** Cancels a load in progress; the pending `get` rejects with an AbortError. */
  cancelLoad(): void {
    this.#loadController?.abort();
  }

  /** The engine for these settings, created (or re-created after a settings change) on first use. */
  async get(settings: EngineSettings): Promise<ChatEngine> {
    const key = JSON.stringify(settings);
    if (this.#engine && this.#engineKey === key) return this.#engine;
    if (this.#pending && this.#engineKey === key) return this.#pending;
    this.#loadController?.abort();
    const previous = this.#engine;
    const controller = new AbortController();
    this.#loadController = controller;
    this.#engine = null;
    this.#engineKey = key;
    this.#status = 'loading';
    this.#error = null;
    this.#progress = null;
    this.#loadStartedAt = Date.now();
    const isCurrent = () => this.#loadController === controller;
    this.#pending = (async () => {
      await previous?.dispose();
      try {
        const engine = await createEngine(settings, {
          signal: controller.signal,
          onProgress: (p) => {
            if (isCurrent()) this.#progress = p;
          },
        });
        if (!isCurrent()) {
          await engine.dispose();
          throw new DOMException('A newer engine load replaced this one.', 'AbortError');
        }
        const recording = new UsageRecordingEngine(engine, (usage) => (this.#lastUsage = usage));
        this.#engine = recording;
        this.#lastUsage = null;
        this.#status = 'ready';
        return recording;
      } catch (err) {
        if (isCurrent()) {
          this.#status = isAbortError(err) ? 'idle' : 'error';
          this.#error = isAbortError(err) ? null : errorText(err);
          this.#engineKey = '';
        }
        throw err;
      } finally {
        if (isCurrent()) {
          this.#pending = null;
          this.#progress = null;
          this.#loadController = null;
        }
      }
    })();
    return this.#pending;
  }
}
