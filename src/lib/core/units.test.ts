import { describe, expect, it } from 'vitest';
import { formatBytes } from './units';

describe('formatBytes', () => {
  it('GB to two decimals, MB to one, kB whole, without trailing zeros', () => {
    expect(formatBytes(950_000)).toBe('950 kB');
    expect(formatBytes(1_687_712)).toBe('1.7 MB');
    expect(formatBytes(640_000_000)).toBe('640 MB');
    expect(formatBytes(2_300_000_000)).toBe('2.3 GB');
    expect(formatBytes(4_294_967_296)).toBe('4.29 GB');
    expect(formatBytes(17_214_000_000)).toBe('17.21 GB');
  });
});
