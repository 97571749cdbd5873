// The repositories' seam to the passphrase lock. Every repository of sensitive data writes through
// `seal` and reads through `open`: with the lock off both pass records through unchanged; with it on,
// a record is stored as its clear index fields plus one AES-GCM box holding the whole record.

import { CorruptRecordError, LockedError, openValue, sealValue, type KeyEntry, type SealedBox } from './recordCipher';

/**
 * The stores the lock encrypts and the fields each keeps in clear: exactly the key path and the
 * index fields IndexedDB needs to find, order and page records. Everything else is in the box.
 */
export const CLEAR_FIELDS = {
  runs: ['id', 'createdAt'],
  rubricReviews: ['id', 'updatedAt', 'runId'],
  candidateDecisions: ['candidateId'],
  evaluations: ['id', 'createdAt'],
  evaluationExamples: ['evaluationId', 'index'],
  evaluationResults: ['evaluationId', 'mode', 'prompt_id'],
} as const;

export type SealedStore = keyof typeof CLEAR_FIELDS;
export const SEALED_STORES = Object.keys(CLEAR_FIELDS) as SealedStore[];

/** A record as stored with the lock on. */
export interface SealedRecord {
  sealed: SealedBox;
  [clearField: string]: unknown;
}

/** A stored value: the record itself (lock off, or written before the lock) or its sealed form. */
export type Stored<T> = T | SealedRecord;

/** What Settings keeps about the lock: the key entries (salt, work factor, check) and the idle time. */
export interface LockMeta {
  /** The last entry is the current key; two entries mean a passphrase change has not finished. */
  keys: KeyEntry[];
  idleMinutes: number;
  /** `on`, or `disabling` while records are being decrypted for good. */
  mode: 'on' | 'disabling';
  /** True while records may still be in another form (plain, or the previous key): finish on unlock. */
  migrating: boolean;
}

export function isSealed(value: unknown): value is SealedRecord {
  return typeof value === 'object' && value !== null && 'sealed' in value && typeof (value as SealedRecord).sealed === 'object';
}

/** The fields that name a record (its key path): authenticated with the box and used in reports. */
const IDENTITY: Record<SealedStore, readonly string[]> = {
  runs: ['id'],
  rubricReviews: ['id'],
  candidateDecisions: ['candidateId'],
  evaluations: ['id'],
  evaluationExamples: ['evaluationId', 'index'],
  evaluationResults: ['evaluationId', 'mode', 'prompt_id'],
};

function recordKey(store: SealedStore, value: object): string {
  return IDENTITY[store].map((f) => String((value as Record<string, unknown>)[f])).join('/');
}

/** The context authenticated with a record: its store and key, so a box cannot be moved to another record. */
function contextOf(store: SealedStore, value: object): string {
  return `${store}:${recordKey(store, value)}`;
}

/** The in-memory side of the lock: the keys while unlocked (never stored), and the write target. */
export class Vault {
  /** Keys by entry id; empty when locked or off. */
  #keys = new Map<string, CryptoKey>();
  /** The key new writes are sealed with; null writes plain (lock off, or being disabled). */
  #target: string | null = null;
  /** Whether the lock is set up at all (a locked vault refuses every write). */
  #enabled = false;

  get enabled(): boolean {
    return this.#enabled;
  }

  get locked(): boolean {
    return this.#enabled && this.#keys.size === 0;
  }

  get target(): string | null {
    return this.#target;
  }

  /** Lock set up but no key yet (the state at start-up). */
  configure(enabled: boolean): void {
    this.#enabled = enabled;
    if (!enabled) {
      this.#keys.clear();
      this.#target = null;
    }
  }

  /** Holds these keys in memory; writes go to `target` (null: plain, while disabling). */
  unlock(keys: ReadonlyMap<string, CryptoKey>, target: string | null): void {
    this.#enabled = true;
    this.#keys = new Map(keys);
    this.#target = target;
  }

  /** Forgets every key: the data cannot be read or written until unlocked again. */
  lock(): void {
    this.#keys.clear();
  }

  /** Whether a stored value is already in the form writes now produce (for re-encryption). */
  isCurrent(stored: unknown): boolean {
    if (this.#target === null) return !isSealed(stored);
    return isSealed(stored) && stored.sealed.keyId === this.#target;
  }

  /** The value as it is to be stored. Never plain while the lock is on; throws LockedError when locked. */
  async seal<T extends object>(store: SealedStore, value: T): Promise<Stored<T>> {
    if (!this.#enabled) return value;
    if (this.locked) throw new LockedError();
    if (this.#target === null) return value;
    const key = this.#keys.get(this.#target);
    if (!key) throw new LockedError();
    const clear: Record<string, unknown> = {};
    for (const f of CLEAR_FIELDS[store]) if (f in value) clear[f] = (value as Record<string, unknown>)[f];
    return { ...clear, sealed: await sealValue(key, this.#target, value, contextOf(store, value)) };
  }

  async sealAll<T extends object>(store: SealedStore, values: readonly T[]): Promise<Stored<T>[]> {
    return Promise.all(values.map((v) => this.seal(store, v)));
  }

  /**
   * The record in a stored value. Plain values pass (written before the lock). Throws LockedError
   * when locked, CorruptRecordError when the box does not open with the right key.
   */
  async open<T>(store: SealedStore, stored: Stored<T>): Promise<T> {
    if (!isSealed(stored)) return stored as T;
    const id = recordKey(store, stored);
    // Sealed but the lock is off: a record that was already damaged when the lock was turned off
    // (it could not be decrypted then); it reads as corrupt, never as "locked".
    if (!this.#enabled) throw new CorruptRecordError(id);
    if (this.locked) throw new LockedError();
    const key = this.#keys.get(stored.sealed.keyId);
    if (!key) throw new CorruptRecordError(id);
    return openValue<T>(key, stored.sealed, contextOf(store, stored), id);
  }

  /** Opens many; records that are corrupt are left out and their ids listed. Locked still throws. */
  async openAll<T>(store: SealedStore, stored: readonly Stored<T>[]): Promise<{ values: T[]; corrupt: string[] }> {
    const values: T[] = [];
    const corrupt: string[] = [];
    const opened = await Promise.allSettled(stored.map((s) => this.open<T>(store, s)));
    for (const result of opened) {
      if (result.status === 'fulfilled') values.push(result.value);
      else if (result.reason instanceof CorruptRecordError) corrupt.push(result.reason.recordId);
      else throw result.reason;
    }
    return { values, corrupt };
  }
}

/** The vault of a database without the lock: every record passes through as it is. */
export function plainVault(): Vault {
  return new Vault();
}
