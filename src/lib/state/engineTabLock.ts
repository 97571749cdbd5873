// One on-device model across all tabs of the app: two multi-GB models loaded in two tabs would
// exhaust memory. A Web Lock is held while a tab has the model loaded; a tab that finds it taken
// asks the holder who it is (BroadcastChannel), waits in line, or asks the holder to let go.

/** The Web Lock held while this tab has an on-device model loaded (or loading). */
export const ON_DEVICE_ENGINE_LOCK = 'clinrevise-on-device-engine';
const CHANNEL = 'clinrevise-on-device-engine';

/** Which tab holds the on-device model, as it describes itself. */
export interface EngineHolder {
  /** The page it shows ("ask", "evaluate", …), for "in use in another tab (Ask, since 10:32)". */
  page: string;
  /** When it took the model (ms since the epoch). */
  since: number;
}

type Message = { type: 'who' } | { type: 'holder'; holder: EngineHolder } | { type: 'release' };

/** The part of BroadcastChannel this lock uses (so tests and browsers without it can pass null). */
export interface ChannelLike {
  postMessage(message: Message): void;
  onmessage: ((event: MessageEvent<Message>) => void) | null;
}

export interface EngineTabLockDeps {
  locks?: LockManager;
  channel?: ChannelLike | null;
  /** The page this tab shows, told to a tab that asks who holds the model. */
  page?: () => string;
  now?: () => number;
}

/** The page named in this tab's address (`#/history/…` → "history"); Ask when there is none. */
export function pageOfLocation(hash: string): string {
  return /^#\/([a-z]+)/.exec(hash)?.[1] ?? 'ask';
}

export class EngineTabLock {
  readonly #locks: LockManager | undefined;
  readonly #channel: ChannelLike | null;
  readonly #page: () => string;
  readonly #now: () => number;
  #since: number | null = null;
  #letGo: (() => void) | null = null;
  /** While waiting in line: told who holds the model once it answers. */
  #onHolder: ((holder: EngineHolder) => void) | null = null;
  /** Told when another tab asks this one to let go of the model (it should unload, then `release()`). */
  onReleaseRequested: (() => void) | null = null;

  constructor(deps: EngineTabLockDeps = {}) {
    this.#locks = deps.locks;
    this.#channel = deps.channel ?? null;
    this.#page = deps.page ?? (() => 'ask');
    this.#now = deps.now ?? Date.now;
    if (this.#channel) this.#channel.onmessage = (event) => this.#receive(event.data);
  }

  /** The lock, with the browser's Web Locks and BroadcastChannel (none where they are missing). */
  static forBrowser(): EngineTabLock {
    const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
    const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL);
    // Node (unit tests) keeps a process alive for an open channel; browsers have no unref.
    (channel as { unref?: () => void } | null)?.unref?.();
    return new EngineTabLock({ locks, channel: channel as unknown as ChannelLike | null, page: () => pageOfLocation(typeof location === 'undefined' ? '' : location.hash) });
  }

  /** Whether this tab holds the model. */
  get held(): boolean {
    return this.#since !== null;
  }

  /**
   * Resolves once this tab holds the lock. When another tab holds it, `onBlocked` is called at once
   * (holder unknown: null) and again when the holder has said who it is; the wait then goes on until
   * the holder lets go. Aborting `signal` gives up the place in line (rejects with an AbortError).
   */
  acquire(signal: AbortSignal, onBlocked: (holder: EngineHolder | null) => void): Promise<void> {
    const locks = this.#locks;
    if (this.held || !locks) {
      this.#since ??= this.#now();
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const hold = () =>
        new Promise<void>((letGo) => {
          this.#since = this.#now();
          this.#letGo = () => {
            this.#since = null;
            this.#letGo = null;
            letGo();
          };
          resolve();
        });
      locks
        .request(ON_DEVICE_ENGINE_LOCK, { ifAvailable: true }, (lock) => {
          if (lock) return hold();
          onBlocked(null);
          this.#onHolder = onBlocked;
          this.#channel?.postMessage({ type: 'who' });
          locks
            .request(ON_DEVICE_ENGINE_LOCK, { signal }, () => {
              this.#onHolder = null;
              return hold();
            })
            .catch((err: unknown) => {
              this.#onHolder = null;
              reject(err);
            });
          return undefined;
        })
        .catch(reject);
    });
  }

  /** Asks the tab holding the model to unload it and let go (this tab, waiting in line, then gets it). */
  requestTakeOver(): void {
    this.#channel?.postMessage({ type: 'release' });
  }

  /** Lets go of the lock (after the model is unloaded). */
  release(): void {
    this.#letGo?.();
    this.#since = null;
  }

  #receive(message: Message): void {
    if (message.type === 'who' && this.#since !== null) {
      this.#channel?.postMessage({ type: 'holder', holder: { page: this.#page(), since: this.#since } });
    } else if (message.type === 'holder') {
      this.#onHolder?.(message.holder);
    } else if (message.type === 'release' && this.#since !== null) {
      this.onReleaseRequested?.();
    }
  }
}
