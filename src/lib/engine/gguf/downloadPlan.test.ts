import { describe, expect, it } from 'vitest';
import { sha256 } from '@noble/hashes/sha2';
import { GgufInsufficientStorageError } from './errors';
import { RateMeter, assertStorageFor, hostOf, parseContentRange, resumeDecision, toHex } from './downloadPlan';

describe('parseContentRange', () => {
  it('reads start, end and total', () => {
    expect(parseContentRange('bytes 100-199/1000')).toEqual({ start: 100, end: 199, total: 1000 });
    expect(parseContentRange('bytes 0-9/*')).toEqual({ start: 0, end: 9, total: null });
  });
  it('refuses malformed or inconsistent ranges', () => {
    expect(parseContentRange(null)).toBeNull();
    expect(parseContentRange('bytes 10-5/100')).toBeNull();
    expect(parseContentRange('bytes 0-100/100')).toBeNull();
    expect(parseContentRange('items 0-1/2')).toBeNull();
  });
});

describe('resumeDecision', () => {
  it('appends a 206 that starts where the file ends', () => {
    expect(resumeDecision(500, 206, 'bytes 500-999/1000')).toEqual({ kind: 'append' });
  });
  it('refuses a 206 from another offset, or without Content-Range', () => {
    expect(resumeDecision(500, 206, 'bytes 0-999/1000').kind).toBe('refused');
    expect(resumeDecision(500, 206, null).kind).toBe('refused');
  });
  it('treats a 200 as the server ignoring the range', () => {
    expect(resumeDecision(500, 200, null)).toEqual({ kind: 'restart' });
  });
  it('reads 416 at exactly the file size as complete, otherwise as refused', () => {
    expect(resumeDecision(1000, 416, 'bytes */1000')).toEqual({ kind: 'complete' });
    expect(resumeDecision(1200, 416, 'bytes */1000').kind).toBe('refused');
  });
  it('starts fresh downloads on 200 and refuses errors', () => {
    expect(resumeDecision(0, 200, null)).toEqual({ kind: 'restart' });
    expect(resumeDecision(0, 404, null)).toEqual({ kind: 'refused', detail: 'HTTP 404' });
  });
});

describe('assertStorageFor', () => {
  it('passes when the remaining bytes and headroom fit', () => {
    expect(() => assertStorageFor('M', 1000, { quota: 2000, usage: 0 })).not.toThrow();
  });
  it('refuses with how much is needed and free', () => {
    try {
      assertStorageFor('Granite', 1e9, { quota: 600e6, usage: 100e6 });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(GgufInsufficientStorageError);
      const e = err as GgufInsufficientStorageError;
      expect(e.neededBytes).toBe(1.05e9);
      expect(e.freeBytes).toBe(500e6);
      expect(e.message).toContain('Granite');
    }
  });
  it('does not guess when the browser gives no estimate', () => {
    expect(() => assertStorageFor('M', 1e12, null)).not.toThrow();
    expect(() => assertStorageFor('M', 1e12, {})).not.toThrow();
  });
});

describe('RateMeter', () => {
  it('has no rate or ETA from one sample', () => {
    expect(new RateMeter().sample(0, 0, 100)).toEqual({ loadedBytes: 0, totalBytes: 100, bytesPerSecond: null, etaSeconds: null });
  });
  it('computes the rate over its window and the time left', () => {
    const m = new RateMeter(5000);
    m.sample(0, 0, 10_000);
    const p = m.sample(2000, 2000, 10_000);
    expect(p.bytesPerSecond).toBe(1000);
    expect(p.etaSeconds).toBe(8);
  });
  it('forgets samples older than the window, so a stall shows', () => {
    const m = new RateMeter(1000);
    m.sample(0, 0, 10_000);
    m.sample(500, 5000, 10_000);
    m.sample(1600, 5000, 10_000);
    const p = m.sample(2200, 5000, 10_000);
    expect(p.bytesPerSecond).toBe(0);
    expect(p.etaSeconds).toBeNull();
  });
});

describe('helpers', () => {
  it('names the host of absolute and relative URLs', () => {
    expect(hostOf('https://huggingface.co/x/y.gguf')).toBe('huggingface.co');
    expect(hostOf('/models/a.gguf', 'http://127.0.0.1:8080/')).toBe('127.0.0.1:8080');
  });
  it('incremental SHA-256 in chunks equals the one-shot digest', async () => {
    const bytes = new Uint8Array(300_000).map((_, i) => (i * 31) % 251);
    const h = sha256.create();
    for (let i = 0; i < bytes.length; i += 65_536) h.update(bytes.subarray(i, i + 65_536));
    const oneShot = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
    expect(toHex(h.digest())).toBe(toHex(oneShot));
  });
});
