// The engine the app is currently using: created lazily from the settings, replaced when they change,
// with its status for the UI.

import { describeError } from '../core/errors';
import { createEngine } from '../engine/createEngine';
import type { EngineSettings } from '../engine/settings';
import type { ChatEngine } from '../engine/types';

export type EngineStatus = 'idle' | 'loading' | 'ready' | 'error';

export class EngineState {
  #status = $state<EngineStatus>('idle');
  #error = $state<string | null>(null);
  #engine: ChatEngine | null = null;
  #engineKey = '';
  #pending: Promise<ChatEngine> | null = null;

  get status(): EngineStatus {
    return this.#status;
  }

  get error(): string | null {
    return this.#error;
  }

  /** The engine for these settings, created (or re-created after a settings change) on first use. */
  async get(settings: EngineSettings): Promise<ChatEngine> {
    const key = JSON.stringify(settings);
    if (this.#engine && this.#engineKey === key) return this.#engine;
    if (this.#pending && this.#engineKey === key) return this.#pending;
    const previous = this.#engine;
    this.#engine = null;
    this.#engineKey = key;
    this.#status = 'loading';
    this.#error = null;
    this.#pending = (async () => {
      await previous?.dispose();
      try {
        const engine = await createEngine(settings);
        if (this.#engineKey === key) {
          this.#engine = engine;
          this.#status = 'ready';
        }
        return engine;
      } catch (err) {
        if (this.#engineKey === key) {
          this.#status = 'error';
          this.#error = describeError(err);
          this.#engineKey = '';
        }
        throw err;
      } finally {
        this.#pending = null;
      }
    })();
    return this.#pending;
  }
}
