// The passphrase lock's life cycle over the database: enable (encrypt what is stored), unlock, lock,
// change the passphrase (re-encrypt), disable (decrypt). Every change of form is Stop-safe: the lock's
// record in Settings is written first and says which keys exist and that records may be in mixed
// forms; each record is then rewritten in its own small transaction, and a record is always readable
// in either form (plain, old key, new key). A tab closed half-way leaves a mixed but complete
// database, and the next unlock finishes the job. Only then is the old key entry dropped.

import type { IDBPDatabase } from 'idb';
import { throwIfAborted } from '../../core/errors';
import type { SettingsRepository } from '../settingsRepository';
import type { AppDb } from '../schema';
import { CorruptRecordError, PBKDF2_ITERATIONS, MIN_ITERATIONS, createKey, unlockKey, type KeyEntry } from './recordCipher';
import { SEALED_STORES, type LockMeta, type Vault } from './vault';

/** Records rewritten per transaction when changing form. */
const MIGRATE_BATCH = 100;
export const DEFAULT_IDLE_MINUTES = 15;

export interface LockProgress {
  done: number;
  total: number;
}

export interface LockServiceOptions {
  /** PBKDF2 rounds for new keys; only tests lower it (the shipped default is PBKDF2_ITERATIONS). */
  iterations?: number;
  /** The fewest rounds a stored entry may claim; only tests lower it. */
  minIterations?: number;
  /** Told each time the lock's record changes, so other tabs can re-read it and lock. */
  onSetupChanged?: () => void;
}

/** What a change of form did: records rewritten, and records left as they were because they are damaged. */
export interface MigrationReport {
  rewritten: number;
  corrupt: number;
}

export class LockService {
  #meta: LockMeta | null = null;
  readonly #iterations: number;
  readonly #minIterations: number;
  readonly #db: IDBPDatabase;
  readonly #onSetupChanged: () => void;

  constructor(
    db: AppDb,
    private readonly settings: SettingsRepository,
    readonly vault: Vault,
    options: LockServiceOptions = {},
  ) {
    this.#db = db as unknown as IDBPDatabase;
    this.#iterations = options.iterations ?? PBKDF2_ITERATIONS;
    this.#minIterations = options.minIterations ?? MIN_ITERATIONS;
    this.#onSetupChanged = options.onSetupChanged ?? (() => {});
  }

  get meta(): LockMeta | null {
    return this.#meta;
  }

  /** Reads the lock's record; with the lock on, the vault starts locked. */
  async load(): Promise<LockMeta | null> {
    this.#meta = (await this.settings.find('lock')) ?? null;
    this.vault.configure(this.#meta !== null);
    return this.#meta;
  }

  /** Turns the lock on and encrypts every stored record. */
  async enable(passphrase: string, idleMinutes: number, onProgress?: (p: LockProgress) => void, signal?: AbortSignal): Promise<MigrationReport> {
    if (this.#meta) throw new Error('The lock is already on.');
    const { entry, key } = await createKey(passphrase, this.#iterations);
    await this.#writeMeta({ keys: [entry], idleMinutes, mode: 'on', migrating: true });
    this.vault.unlock(new Map([[entry.id, key]]), entry.id);
    return this.#finish(onProgress, signal);
  }

  /**
   * Unlocks with the passphrase (and, after an interrupted change, the other one too: `passphrases`
   * are tried against every key entry). False when any entry is not matched: nothing is unlocked.
   * Finishes an interrupted change of form before returning.
   */
  async unlock(passphrases: readonly string[], onProgress?: (p: LockProgress) => void, signal?: AbortSignal): Promise<boolean> {
    const meta = this.#meta;
    if (!meta) return true;
    const keys = await this.#match(meta.keys, passphrases);
    if (!keys) return false;
    this.vault.unlock(keys, meta.mode === 'disabling' ? null : meta.keys[meta.keys.length - 1]!.id);
    if (meta.migrating) await this.#finish(onProgress, signal);
    return true;
  }

  lock(): void {
    if (this.#meta) this.vault.lock();
  }

  /** Re-encrypts everything under a new passphrase. False (nothing changed) when `current` is wrong. */
  async change(current: string, next: string, onProgress?: (p: LockProgress) => void, signal?: AbortSignal): Promise<boolean> {
    const meta = this.#meta;
    if (!meta || meta.migrating) return false;
    const old = await this.#match(meta.keys, [current]);
    if (!old) return false;
    const { entry, key } = await createKey(next, this.#iterations);
    // Both key checks are kept until every record is under the new key.
    await this.#writeMeta({ ...meta, keys: [...meta.keys, entry], migrating: true });
    this.vault.unlock(new Map([...old, [entry.id, key]]), entry.id);
    await this.#finish(onProgress, signal);
    return true;
  }

  /** Decrypts everything and turns the lock off. False (nothing changed) when the passphrase is wrong. */
  async disable(passphrase: string, onProgress?: (p: LockProgress) => void, signal?: AbortSignal): Promise<boolean> {
    const meta = this.#meta;
    if (!meta) return true;
    const keys = await this.#match(meta.keys, [passphrase]);
    if (!keys) return false;
    await this.#writeMeta({ ...meta, mode: 'disabling', migrating: true });
    this.vault.unlock(keys, null);
    await this.#finish(onProgress, signal);
    return true;
  }

  async setIdleMinutes(minutes: number): Promise<void> {
    if (!this.#meta) return;
    await this.#writeMeta({ ...this.#meta, idleMinutes: minutes });
  }

  /** Rewrites every record into the vault's current form, then records that the change is done. */
  async #finish(onProgress?: (p: LockProgress) => void, signal?: AbortSignal): Promise<MigrationReport> {
    const report = await this.#migrate(onProgress, signal);
    // A second pass catches a record another tab wrote in the old form before it heard of the change
    // (it locks on the first message, so this pass finds nothing in the usual case; it only reads).
    const stragglers = await this.#migrate(undefined, signal);
    report.rewritten += stragglers.rewritten;
    const meta = this.#meta!;
    if (meta.mode === 'disabling') {
      await this.settings.delete('lock');
      this.#meta = null;
      this.vault.configure(false);
      this.#onSetupChanged();
    } else {
      const current = meta.keys[meta.keys.length - 1]!;
      await this.#writeMeta({ ...meta, keys: [current], migrating: false });
    }
    return report;
  }

  async #migrate(onProgress?: (p: LockProgress) => void, signal?: AbortSignal): Promise<MigrationReport> {
    let total = 0;
    for (const store of SEALED_STORES) total += await this.#db.count(store);
    const progress: LockProgress = { done: 0, total };
    const report: MigrationReport = { rewritten: 0, corrupt: 0 };
    onProgress?.({ ...progress });
    for (const store of SEALED_STORES) {
      let after: IDBValidKey | null = null;
      for (;;) {
        throwIfAborted(signal);
        const range: IDBKeyRange | null = after === null ? null : IDBKeyRange.lowerBound(after, true);
        const read = this.#db.transaction(store, 'readonly');
        const [keys, values]: [IDBValidKey[], unknown[], void] = await Promise.all([read.store.getAllKeys(range, MIGRATE_BATCH), read.store.getAll(range, MIGRATE_BATCH), read.done]);
        if (keys.length === 0) break;
        // Opened and sealed outside any transaction (WebCrypto would let it close).
        const rewritten = new Map<number, unknown>();
        for (const [i, value] of values.entries()) {
          if (this.vault.isCurrent(value)) continue;
          try {
            const record = await this.vault.open<object>(store, value as object);
            rewritten.set(i, await this.vault.seal(store, record));
          } catch (err) {
            if (!(err instanceof CorruptRecordError)) throw err;
            report.corrupt++;
          }
        }
        if (rewritten.size) {
          const write = this.#db.transaction(store, 'readwrite');
          for (const [i, value] of rewritten) {
            // A record saved meanwhile (already in the new form) or deleted meanwhile is left alone.
            const now: unknown = await write.store.get(keys[i]!);
            if (now === undefined || this.vault.isCurrent(now)) continue;
            await write.store.put(value);
            report.rewritten++;
          }
          await write.done;
        }
        progress.done += keys.length;
        onProgress?.({ ...progress });
        after = keys[keys.length - 1]!;
        if (keys.length < MIGRATE_BATCH) break;
      }
    }
    return report;
  }

  /** The key of every entry, each matched by one of the passphrases; null when one is not matched. */
  async #match(entries: readonly KeyEntry[], passphrases: readonly string[]): Promise<Map<string, CryptoKey> | null> {
    const keys = new Map<string, CryptoKey>();
    for (const entry of entries) {
      let found: CryptoKey | null = null;
      for (const passphrase of passphrases) {
        found = await unlockKey(passphrase, entry, this.#minIterations);
        if (found) break;
      }
      if (!found) return null;
      keys.set(entry.id, found);
    }
    return keys;
  }

  async #writeMeta(meta: LockMeta): Promise<void> {
    await this.settings.set('lock', meta);
    this.#meta = meta;
    this.#onSetupChanged();
  }
}
