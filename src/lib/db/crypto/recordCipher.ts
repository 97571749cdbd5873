// The passphrase lock's cryptography, on WebCrypto only: a key derived from the passphrase with
// PBKDF2-SHA-256, each record sealed with AES-256-GCM under a fresh random 96-bit IV, and a key-check
// value (a known text sealed with the key) so a wrong passphrase is told apart from a corrupt record.
// Keys are created non-extractable: they exist only inside this tab's WebCrypto, never as bytes.

import { ClinReviseError } from '../../core/errors';

/** The shipped PBKDF2 work factor (OWASP's 2023 figure for PBKDF2-HMAC-SHA-256). */
export const PBKDF2_ITERATIONS = 600_000;
/** The lowest work factor a stored key entry may claim; a tampered entry asking for less is refused. */
export const MIN_ITERATIONS = PBKDF2_ITERATIONS;
const SALT_BYTES = 16;
const IV_BYTES = 12;
/** What the key-check value seals: any fixed text works, its authentication tag is the check. */
const CHECK_TEXT = 'clinrevise-key-check-v1';

const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder('utf-8', { fatal: true });

/** A sealed value: which key sealed it, its IV and the ciphertext with GCM's tag at the end. */
export interface SealedBox {
  keyId: string;
  iv: Uint8Array;
  data: ArrayBuffer;
}

/** Everything stored about one passphrase: its salt, work factor and key-check value — nothing else. */
export interface KeyEntry {
  id: string;
  salt: Uint8Array;
  iterations: number;
  check: SealedBox;
}

/** A record sealed with a key this tab does not hold (or no longer matches): its data is not there. */
export class CorruptRecordError extends ClinReviseError {
  readonly code = 'record_corrupt';
  constructor(readonly recordId: string) {
    super(`A stored record (${recordId}) could not be decrypted: it is damaged. The other records are not affected.`);
    this.name = 'CorruptRecordError';
  }
}

/** The data is locked: nothing encrypted can be read or written until the passphrase is entered. */
export class LockedError extends ClinReviseError {
  readonly code = 'data_locked';
  constructor() {
    super('Your data is locked. Enter your passphrase to unlock it.');
    this.name = 'LockedError';
  }
}

function randomBytes(n: number): Uint8Array<ArrayBuffer> {
  return crypto.getRandomValues(new Uint8Array(n));
}

function randomId(): string {
  return Array.from(randomBytes(8), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The AES-GCM key for `passphrase` and `salt`, non-extractable. */
export async function deriveKey(passphrase: string, salt: Uint8Array, iterations: number): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', utf8.encode(passphrase), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: new Uint8Array(salt), iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

/** Seals bytes; `context` (the record's store and key) is authenticated, so records cannot be swapped. */
export async function sealBytes(key: CryptoKey, keyId: string, plain: Uint8Array, context: string): Promise<SealedBox> {
  const iv = randomBytes(IV_BYTES);
  const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: utf8.encode(context) }, key, new Uint8Array(plain));
  return { keyId, iv, data };
}

/** The bytes in a box, or null when the key is not the one that sealed it or the box was changed. */
export async function openBytes(key: CryptoKey, box: SealedBox, context: string): Promise<Uint8Array | null> {
  try {
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: new Uint8Array(box.iv), additionalData: utf8.encode(context) }, key, box.data);
    return new Uint8Array(plain);
  } catch {
    return null;
  }
}

/** A JSON value sealed (the records are JSON: the same shape export writes). */
export async function sealValue(key: CryptoKey, keyId: string, value: unknown, context: string): Promise<SealedBox> {
  return sealBytes(key, keyId, utf8.encode(JSON.stringify(value)), context);
}

/** The value in a box; throws CorruptRecordError when it does not decrypt or parse with this key. */
export async function openValue<T>(key: CryptoKey, box: SealedBox, context: string, recordId: string): Promise<T> {
  const bytes = await openBytes(key, box, context);
  if (!bytes) throw new CorruptRecordError(recordId);
  try {
    return JSON.parse(fromUtf8.decode(bytes)) as T;
  } catch {
    throw new CorruptRecordError(recordId);
  }
}

/**
 * A new key for a passphrase: a random salt, the work factor and its key-check value. `iterations`
 * is lowered only by tests (600,000 rounds take about a second per derivation).
 */
export async function createKey(passphrase: string, iterations: number = PBKDF2_ITERATIONS): Promise<{ entry: KeyEntry; key: CryptoKey }> {
  const salt = randomBytes(SALT_BYTES);
  const key = await deriveKey(passphrase, salt, iterations);
  const id = randomId();
  const check = await sealBytes(key, id, utf8.encode(CHECK_TEXT), `check:${id}`);
  return { entry: { id, salt, iterations, check }, key };
}

/**
 * The key when `passphrase` is the one `entry` was made with, else null (a wrong passphrase: nothing
 * was decrypted, nothing is revealed). `minIterations` guards against an entry edited to be cheap.
 */
export async function unlockKey(passphrase: string, entry: KeyEntry, minIterations: number = MIN_ITERATIONS): Promise<CryptoKey | null> {
  if (!(entry.iterations >= minIterations)) return null;
  const key = await deriveKey(passphrase, entry.salt, entry.iterations);
  const bytes = await openBytes(key, entry.check, `check:${entry.id}`);
  return bytes && fromUtf8.decode(bytes) === CHECK_TEXT ? key : null;
}

/** A rough strength hint for a new passphrase (length and character variety; no dictionary). */
export function passphraseStrength(passphrase: string): 'too-short' | 'weak' | 'fair' | 'strong' {
  if (passphrase.length < 8) return 'too-short';
  const kinds = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(passphrase)).length;
  const words = passphrase.trim().split(/\s+/).length;
  if (passphrase.length >= 20 || (words >= 4 && passphrase.length >= 16)) return 'strong';
  if (passphrase.length >= 12 && kinds >= 2) return 'fair';
  if (kinds >= 3) return 'fair';
  return 'weak';
}
