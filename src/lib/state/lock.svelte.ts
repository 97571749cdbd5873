// The passphrase lock as reactive state: on/off/locked, the idle timer, and the long tasks (enabling,
// changing the passphrase, disabling, finishing an interrupted change on unlock) with their progress.
// Locking never interrupts work in progress: while a run or an evaluation is going (`isBusy`), the
// lock — idle or on demand — waits for it to end, so a run is never left with nowhere to save.

import { errorText } from '../i18n/errors';
import { DEFAULT_IDLE_MINUTES, type LockProgress, type LockService } from '../db/crypto/lockService';

export type LockStatus = 'off' | 'locked' | 'unlocked';
export type LockTask = 'enabling' | 'unlocking' | 'changing' | 'disabling';

export interface LockHooks {
  /** True while a run or an evaluation is in progress (locking waits for it). */
  isBusy?: () => boolean;
  /** The lock engaged: drop decrypted data held in memory. */
  onLocked?: () => void;
  /** Unlocked (or the lock turned off): read the data again. */
  onUnlocked?: () => void;
}

/** Tabs tell each other when the lock's setup changed (on, off, new passphrase). */
const LOCK_CHANNEL = 'clinrevise-lock';

/** How often the idle timer looks (the lock engages at most this late). */
const IDLE_CHECK_MS = 5_000;
const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart', 'focus'] as const;

export class LockState {
  #status = $state<LockStatus>('off');
  #task = $state<LockTask | null>(null);
  #progress = $state.raw<LockProgress | null>(null);
  #problem = $state<string | null>(null);
  /** The last passphrase given did not match its key check. */
  #wrong = $state(false);
  #idleMinutes = $state(DEFAULT_IDLE_MINUTES);
  #needsPrevious = $state(false);
  /** Lock asked for while busy: engages when the work ends. */
  #pending = $state(false);
  #lastActivity = Date.now();
  #timer: ReturnType<typeof setInterval> | null = null;
  #channel: BroadcastChannel | null = null;

  constructor(
    private readonly service: LockService,
    private readonly hooks: LockHooks = {},
  ) {
    this.#sync();
    // Another tab turned the lock on or off or changed the passphrase: this tab's keys (or lack of
    // them) are out of date, so it reads the setup again and locks — it never writes plain records
    // after the lock went on, nor seals with a key that is being retired.
    if (typeof BroadcastChannel !== 'undefined') {
      this.#channel = new BroadcastChannel(LOCK_CHANNEL);
      this.#channel.onmessage = () => void this.#changedElsewhere();
    }
  }

  /** Tells the other tabs that the lock's record changed (pass to LockService's `onSetupChanged`). */
  announce(): void {
    this.#channel?.postMessage('changed');
  }

  async #changedElsewhere(): Promise<void> {
    await this.service.load();
    this.service.lock();
    this.#sync();
    this.hooks.onLocked?.();
  }

  get status(): LockStatus {
    return this.#status;
  }
  get locked(): boolean {
    return this.#status === 'locked';
  }
  get task(): LockTask | null {
    return this.#task;
  }
  get progress(): LockProgress | null {
    return this.#progress;
  }
  get problem(): string | null {
    return this.#problem;
  }
  /** The passphrase given last was wrong (nothing was unlocked or changed). */
  get wrongPassphrase(): boolean {
    return this.#wrong;
  }
  get idleMinutes(): number {
    return this.#idleMinutes;
  }
  /** A passphrase change was interrupted: unlocking needs the previous passphrase too. */
  get needsPrevious(): boolean {
    return this.#needsPrevious;
  }
  /** Lock was asked for during a run; it engages when the run ends. */
  get pending(): boolean {
    return this.#pending;
  }

  /** Starts watching for activity (call once the app is up); returns the stop function. */
  watchIdle(target: EventTarget = window): () => void {
    const touch = () => (this.#lastActivity = Date.now());
    for (const type of ACTIVITY_EVENTS) target.addEventListener(type, touch, { passive: true, capture: true });
    this.#timer = setInterval(() => this.checkIdle(), IDLE_CHECK_MS);
    return () => {
      for (const type of ACTIVITY_EVENTS) target.removeEventListener(type, touch, { capture: true });
      if (this.#timer) clearInterval(this.#timer);
    };
  }

  /** Locks when idle past the set time or when a lock was asked for during work that has now ended. */
  checkIdle(now: number = Date.now()): void {
    if (this.#status !== 'unlocked' || this.#task) return;
    const idle = now - this.#lastActivity >= this.#idleMinutes * 60_000;
    if ((idle || this.#pending) && !this.hooks.isBusy?.()) this.#engage();
  }

  /** Locks now, or as soon as the run or evaluation in progress ends. */
  lock(): void {
    if (this.#status !== 'unlocked') return;
    if (this.hooks.isBusy?.()) {
      this.#pending = true;
      return;
    }
    this.#engage();
  }

  async unlock(passphrase: string, previous?: string): Promise<boolean> {
    return this.#run('unlocking', async (progress) => {
      const ok = await this.service.unlock(previous ? [passphrase, previous] : [passphrase], progress);
      if (!ok) this.#wrong = true;
      return ok;
    });
  }

  async enable(passphrase: string, idleMinutes: number): Promise<boolean> {
    return this.#run('enabling', async (progress) => {
      await this.service.enable(passphrase, idleMinutes, progress);
      return true;
    });
  }

  async change(current: string, next: string): Promise<boolean> {
    return this.#run('changing', async (progress) => {
      const ok = await this.service.change(current, next, progress);
      if (!ok) this.#wrong = true;
      return ok;
    });
  }

  async disable(passphrase: string): Promise<boolean> {
    return this.#run('disabling', async (progress) => {
      const ok = await this.service.disable(passphrase, progress);
      if (!ok) this.#wrong = true;
      return ok;
    });
  }

  async setIdleMinutes(minutes: number): Promise<void> {
    const clean = Math.max(1, Math.min(24 * 60, Math.round(minutes)));
    await this.service.setIdleMinutes(clean);
    this.#sync();
  }

  #engage(): void {
    this.#pending = false;
    this.service.lock();
    this.#sync();
    this.hooks.onLocked?.();
  }

  async #run(task: LockTask, action: (progress: (p: LockProgress) => void) => Promise<boolean>): Promise<boolean> {
    this.#task = task;
    this.#problem = null;
    this.#wrong = false;
    this.#progress = null;
    try {
      const ok = await action((p) => (this.#progress = p));
      if (ok) {
        this.#lastActivity = Date.now();
        this.hooks.onUnlocked?.();
      }
      return ok;
    } catch (err) {
      this.#problem = errorText(err);
      return false;
    } finally {
      this.#sync();
      this.#task = null;
      this.#progress = null;
    }
  }

  #sync(): void {
    const meta = this.service.meta;
    this.#status = !meta ? 'off' : this.service.vault.locked ? 'locked' : 'unlocked';
    this.#idleMinutes = meta?.idleMinutes ?? DEFAULT_IDLE_MINUTES;
    this.#needsPrevious = (meta?.keys.length ?? 0) > 1;
  }
}
