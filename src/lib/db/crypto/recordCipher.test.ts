import { describe, expect, it } from 'vitest';
import { CorruptRecordError, MIN_ITERATIONS, PBKDF2_ITERATIONS, createKey, deriveKey, openValue, passphraseStrength, sealValue, unlockKey } from './recordCipher';

// Tests derive keys with few rounds (speed); the shipped work factor is asserted on its own.
const FAST = 1_000;

describe('record cipher', () => {
  it('ships PBKDF2 at 600,000 rounds or more, and refuses entries claiming fewer', async () => {
    expect(PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    expect(MIN_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    const { entry } = await createKey('correct horse', FAST);
    // An entry edited down to a cheap work factor is not accepted with the shipped minimum.
    expect(await unlockKey('correct horse', entry)).toBeNull();
    expect(await unlockKey('correct horse', entry, FAST)).not.toBeNull();
  });

  it('derives non-extractable AES-GCM keys', async () => {
    const key = await deriveKey('p', new Uint8Array(16), FAST);
    expect(key.extractable).toBe(false);
    expect(key.algorithm).toMatchObject({ name: 'AES-GCM', length: 256 });
    await expect(crypto.subtle.exportKey('raw', key)).rejects.toThrow();
  });

  it('round-trips a value, with a fresh IV each time', async () => {
    const { entry, key } = await createKey('pw', FAST);
    const value = { question: 'chest pain at night', n: 3, nested: { ok: true } };
    const a = await sealValue(key, entry.id, value, 'runs:1');
    const b = await sealValue(key, entry.id, value, 'runs:1');
    expect(Buffer.from(a.iv).equals(Buffer.from(b.iv))).toBe(false);
    expect(a.iv.byteLength).toBe(12);
    expect(Buffer.from(a.data).equals(Buffer.from(b.data))).toBe(false);
    expect(Buffer.from(a.data).toString('utf8')).not.toContain('chest pain');
    expect(await openValue(key, a, 'runs:1', '1')).toEqual(value);
    expect(await openValue(key, b, 'runs:1', '1')).toEqual(value);
  });

  it('tells a wrong passphrase (key check fails) from a corrupt record (check passes, record does not)', async () => {
    const { entry, key } = await createKey('right one', FAST);
    expect(await unlockKey('wrong one', entry, FAST)).toBeNull();
    const again = await unlockKey('right one', entry, FAST);
    expect(again).not.toBeNull();
    const box = await sealValue(key, entry.id, { secret: 1 }, 'runs:x');
    const damaged = new Uint8Array(box.data.slice(0));
    damaged[3]! ^= 0xff;
    await expect(openValue(again!, { ...box, data: damaged.buffer }, 'runs:x', 'x')).rejects.toBeInstanceOf(CorruptRecordError);
    // Moved to another record: the authenticated context no longer matches.
    await expect(openValue(again!, box, 'runs:y', 'y')).rejects.toBeInstanceOf(CorruptRecordError);
    expect(await openValue(again!, box, 'runs:x', 'x')).toEqual({ secret: 1 });
  });

  it('gives a strength hint', () => {
    expect(passphraseStrength('abc')).toBe('too-short');
    expect(passphraseStrength('abcdefgh')).toBe('weak');
    expect(passphraseStrength('abcdefgh12AB')).toBe('fair');
    expect(passphraseStrength('four words make a phrase')).toBe('strong');
  });
});
