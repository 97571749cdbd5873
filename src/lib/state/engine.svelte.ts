// The engine the app is currently using: created lazily from the settings, replaced when they change,
// with its loading progress (for on-device engines) and a way to cancel a load.

import { errorCode, isAbortError } from '../core/errors';
import { errorText } from '../i18n/errors';
import type { ChatEngine, ChatMessage, ChatOptions, ChatResult, ChatUsage } from '../core/chat';
import { UsageRecordingEngine, createEngine, type EngineSettings, type LoadProgress } from '../engine';
import { EngineTabLock, type EngineHolder } from './engineTabLock';

/** Engines that load a multi-GB model into this tab: one at a time across tabs. */
const ON_DEVICE_KINDS: ReadonlySet<EngineSettings['kind']> = new Set(['webllm', 'gguf']);

export type EngineStatus = 'idle' | 'loading' | 'ready' | 'error';

/** Error codes meaning the engine itself is gone (its worker died): it must be made again, not reused. */
const ENGINE_GONE_CODES: ReadonlySet<string> = new Set(['gguf_engine_failed']);

/** Tells `onGone` when a call fails because the engine died, so the next run loads a fresh one. */
class GoneWatchingEngine implements ChatEngine {
  constructor(
    private readonly inner: ChatEngine,
    private readonly onGone: () => void,
  ) {}

  get label(): string {
    return this.inner.label;
  }

  get contextWindow(): number | null {
    return this.inner.contextWindow;
  }

  async chat(messages: ChatMessage[], options?: ChatOptions): Promise<ChatResult> {
    try {
      return await this.inner.chat(messages, options);
    } catch (err) {
      if (ENGINE_GONE_CODES.has(errorCode(err))) this.onGone();
      throw err;
    }
  }

  dispose(): Promise<void> {
    return this.inner.dispose();
  }
}

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
  readonly #lock: EngineTabLock;
  /** Set while the on-device model is held by another tab and this one waits for it. */
  #waitingForTab = $state.raw<{ holder: EngineHolder | null } | null>(null);
  /** Set when this tab gave its on-device model to another tab that asked for it. */
  #handedOver = $state(false);
  #handOverListeners: (() => void)[] = [];

  constructor(lock: EngineTabLock = EngineTabLock.forBrowser()) {
    this.#lock = lock;
    lock.onReleaseRequested = () => void this.#handOver();
  }

  /** While another tab holds the on-device model: who (once it has said), else null. */
  get waitingForTab(): { holder: EngineHolder | null } | null {
    return this.#waitingForTab;
  }

  /** This tab unloaded its on-device model because another tab took it over. */
  get handedOver(): boolean {
    return this.#handedOver;
  }

  /** Asks the tab holding the on-device model to unload it; this tab, waiting in line, then loads its own. */
  takeOver(): void {
    this.#lock.requestTakeOver();
  }

  /** Called before this tab hands its model over (the run using it stops first, resumable). */
  onHandOver(listener: () => void): void {
    this.#handOverListeners.push(listener);
  }

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
        if (ON_DEVICE_KINDS.has(settings.kind)) {
          await this.#lock.acquire(controller.signal, (holder) => {
            if (isCurrent()) this.#waitingForTab = { holder };
          });
          if (isCurrent()) this.#waitingForTab = null;
          this.#handedOver = false;
        } else {
          this.#lock.release();
        }
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
        const recording: ChatEngine = new GoneWatchingEngine(
          new UsageRecordingEngine(engine, (usage) => (this.#lastUsage = usage)),
          () => this.#forget(recording),
        );
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
          this.#waitingForTab = null;
        }
      }
    })();
    return this.#pending;
  }

  /** Another tab asked for the on-device model: stop what uses it, unload it, and let go of the lock. */
  async #handOver(): Promise<void> {
    for (const listener of this.#handOverListeners) listener();
    this.#loadController?.abort();
    const engine = this.#engine;
    this.#engine = null;
    this.#engineKey = '';
    this.#pending = null;
    this.#status = 'idle';
    this.#handedOver = true;
    await engine?.dispose().catch(() => undefined);
    this.#lock.release();
  }

  /** Drops an engine that died (its worker crashed): a resumed run loads a fresh one. */
  #forget(engine: ChatEngine): void {
    if (this.#engine !== engine) return;
    this.#engine = null;
    this.#engineKey = '';
    this.#status = 'idle';
    void engine.dispose().catch(() => undefined);
  }
}
